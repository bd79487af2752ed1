package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A confirmed booking was cancelled; its place went back on sale at once.
 *
 * @param bookingId      the booking (aggregate id)
 * @param officeId       the office
 * @param serviceCode    the catalog service code
 * @param startsAt       start of the slot that was freed
 * @param applicationRef the application the visit was for, else null
 * @param cancelledBy    who cancelled: {@code PERSON} or {@code STAFF}
 * @param cancelledAt    when
 */
@KeregeEvent(service = "appointments", aggregate = "booking", name = "appointment-cancelled", version = 1)
public record AppointmentCancelledV1(String bookingId, String officeId, String serviceCode, Instant startsAt,
                                     String applicationRef, String cancelledBy, Instant cancelledAt) implements Event {

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
