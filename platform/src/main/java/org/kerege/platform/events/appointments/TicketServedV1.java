package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A called ticket was served at its counter.
 *
 * @param ticketId     the ticket (aggregate id)
 * @param officeId     the office
 * @param serviceCode  the catalog service code
 * @param ticketNumber the number, e.g. {@code A-001}
 * @param counter      the counter that served it
 * @param bookingId    the booking it came from, or null for a walk-in
 * @param waitSeconds  seconds from issue to the first call
 * @param servedAt     when
 */
@KeregeEvent(service = "appointments", aggregate = "ticket", name = "ticket-served", version = 1)
public record TicketServedV1(String ticketId, String officeId, String serviceCode, String ticketNumber, String counter,
                             String bookingId, long waitSeconds, Instant servedAt) implements Event {

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
