package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A booked visitor arrived at the office and checked in (by the booking's short code): the booking
 * became a ticket on the hall's queue.
 *
 * @param bookingId   the booking (aggregate id)
 * @param officeId    the office
 * @param serviceCode the catalog service code, e.g. {@code kg.passport.id-card}
 * @param ticketId    the queue ticket the booking became
 * @param ticketNumber the number shown to the visitor, e.g. {@code A-017}
 * @param applicationRef the application the visit is for, when the booking named one, else null
 * @param checkedInAt when
 */
@KeregeEvent(service = "appointments", aggregate = "booking", name = "appointment-checked-in", version = 1)
public record AppointmentCheckedInV1(String bookingId, String officeId, String serviceCode, String ticketId,
                                     String ticketNumber, String applicationRef, Instant checkedInAt)
        implements Event {

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
