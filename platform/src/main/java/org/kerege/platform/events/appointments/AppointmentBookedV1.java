package org.kerege.platform.events.appointments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A booking was confirmed (the hold became an appointment), or a confirmed booking moved to another
 * slot ({@code rescheduledFrom} then names the slot it left). No personal identifier travels: the
 * person is known to appointments-service only.
 *
 * @param bookingId       the booking (aggregate id)
 * @param officeId        the office, e.g. {@code kg-bishkek-1}
 * @param serviceCode     the catalog service code, e.g. {@code kg.passport.id-card}
 * @param startsAt        start of the slot (UTC instant)
 * @param endsAt          end of the slot
 * @param applicationRef  the application the visit is for, when the booking named one, else null
 * @param rescheduledFrom start of the slot left behind when this is a reschedule, else null
 * @param bookedAt        when
 */
@KeregeEvent(service = "appointments", aggregate = "booking", name = "appointment-booked", version = 1)
public record AppointmentBookedV1(String bookingId, String officeId, String serviceCode, Instant startsAt,
                                  Instant endsAt, String applicationRef, Instant rescheduledFrom, Instant bookedAt)
        implements Event {

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
