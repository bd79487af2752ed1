package org.kerege.appointments.booking.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a booked visitor may check in: from {@code early} before the slot's start until {@code grace}
 * after it (the Kyrgyz centres' one postponement of 15 minutes is a grace of PT15M). After the grace
 * the booking becomes a no-show.
 */
public record CheckInRule(Duration early, Duration grace) {

    public enum Verdict { TOO_EARLY, ON_TIME, TOO_LATE }

    public Verdict judge(Instant startsAt, Instant now) {
        if (now.isBefore(startsAt.minus(early))) {
            return Verdict.TOO_EARLY;
        }
        if (now.isAfter(startsAt.plus(grace))) {
            return Verdict.TOO_LATE;
        }
        return Verdict.ON_TIME;
    }

    /** Whether a confirmed booking starting at {@code startsAt} is a no-show at {@code now}. */
    public boolean isNoShow(Instant startsAt, Instant now) {
        return now.isAfter(startsAt.plus(grace));
    }
}
