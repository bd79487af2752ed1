package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A counter called a ticket (or called it again: {@code recall} > 0).
 *
 * @param ticketId     the ticket (aggregate id)
 * @param officeId     the office
 * @param ticketNumber the number called, e.g. {@code A-001}
 * @param counter      the counter (window) code, e.g. {@code 11}
 * @param recall       0 for the first call, then 1, 2, … for each recall
 * @param calledAt     when
 */
@KeregeEvent(service = "appointments", aggregate = "ticket", name = "ticket-called", version = 1)
public record TicketCalledV1(String ticketId, String officeId, String ticketNumber, String counter, int recall,
                             Instant calledAt) implements Event {

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
