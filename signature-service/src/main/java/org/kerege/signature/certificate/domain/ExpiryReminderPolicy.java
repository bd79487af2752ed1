package org.kerege.signature.certificate.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * When to remind a holder that the certificate ends: 30, 14 and 7 days before. A certificate found
 * late (say 10 days before, after an outage) gets only the nearest reminder (14), not the missed ones.
 */
public final class ExpiryReminderPolicy {

    /** Reminder points, largest first. */
    public static final List<Integer> DAYS = List.of(30, 14, 7);

    private ExpiryReminderPolicy() {
    }

    /** The reminder due now: the smallest point d with notAfter - now ≤ d days; empty when none or already expired. */
    public static OptionalInt due(Instant notAfter, Instant now) {
        if (!notAfter.isAfter(now)) {
            return OptionalInt.empty();
        }
        Duration left = Duration.between(now, notAfter);
        OptionalInt due = OptionalInt.empty();
        for (int d : DAYS) {
            if (left.compareTo(Duration.ofDays(d)) <= 0) {
                due = OptionalInt.of(d);
            }
        }
        return due;
    }

    /** The points a reminder of {@code days} makes obsolete (it and every larger one). */
    public static List<Integer> coveredBy(int days) {
        return DAYS.stream().filter(d -> d >= days).toList();
    }
}
