package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A confirmed booking was not checked in by the end of its grace period.
 *
 * @param bookingId      the booking (aggregate id)
 * @param officeId       the office
 * @param serviceCode    the catalog service code
 * @param startsAt       start of the missed slot
 * @param applicationRef the application the visit was for, else null
 * @param markedAt       when the no-show was recorded
 */
@KeregeEvent(service = "appointments", aggregate = "booking", name = "appointment-no-show", version = 1)
public record AppointmentNoShowV1(String bookingId, String officeId, String serviceCode, Instant startsAt,
                                  String applicationRef, Instant markedAt) implements Event {

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
