package org.kerege.platform.events.appointments;

import java.time.Instant;
import java.time.LocalDate;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A ticket (talon) joined an office's queue: a walk-in took it, or a booked visitor checked in.
 *
 * @param ticketId     the ticket (aggregate id)
 * @param officeId     the office
 * @param serviceCode  the catalog service code
 * @param ticketNumber the number shown and called, e.g. {@code A-001}; unique per office and local day
 * @param localDate    the office's local date the number belongs to
 * @param priority     whether the visitor belongs to a priority group (elderly, disabled, pregnant)
 * @param bookingId    the booking it came from, or null for a walk-in
 * @param issuedAt     when
 */
@KeregeEvent(service = "appointments", aggregate = "ticket", name = "ticket-issued", version = 1)
public record TicketIssuedV1(String ticketId, String officeId, String serviceCode, String ticketNumber,
                             LocalDate localDate, boolean priority, String bookingId, Instant issuedAt) implements Event {

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
