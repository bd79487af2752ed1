package org.kerege.appointments.booking.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Anti-hoarding quota per person and service: at most {@code maxBookings} bookings made within any
 * rolling window of {@code windowDays} days (Kazakhstan: one per 10 days). Every booking made counts,
 * cancelled ones included (cancel-and-rebook is how places are hoarded); holds that ran out do not.
 */
public record BookingQuota(int maxBookings, int windowDays) {

    public BookingQuota {
        if (maxBookings < 1 || windowDays < 1) {
            throw new IllegalArgumentException("a quota needs maxBookings >= 1 and windowDays >= 1");
        }
    }

    /** Start of the window that ends now: bookings made at or after it count. */
    public Instant windowStart(Instant now) {
        return now.minus(Duration.ofDays(windowDays));
    }

    /** Whether one more booking is allowed given how many the person made in the window. */
    public boolean allowsAnother(int madeInWindow) {
        return madeInWindow < maxBookings;
    }
}
