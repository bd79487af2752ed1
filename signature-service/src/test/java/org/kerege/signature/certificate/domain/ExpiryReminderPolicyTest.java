package org.kerege.signature.certificate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExpiryReminderPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static OptionalInt dueWith(Duration left) {
        return ExpiryReminderPolicy.due(NOW.plus(left), NOW);
    }

    @Test
    void reminders_fall_due_at_30_14_and_7_days() {
        assertEquals(OptionalInt.empty(), dueWith(Duration.ofDays(30).plusSeconds(1)));
        assertEquals(OptionalInt.of(30), dueWith(Duration.ofDays(30)));
        assertEquals(OptionalInt.of(30), dueWith(Duration.ofDays(15)));
        assertEquals(OptionalInt.of(14), dueWith(Duration.ofDays(14)));
        assertEquals(OptionalInt.of(14), dueWith(Duration.ofDays(10)));
        assertEquals(OptionalInt.of(7), dueWith(Duration.ofDays(7)));
        assertEquals(OptionalInt.of(7), dueWith(Duration.ofHours(1)));
    }

    @Test
    void an_expired_certificate_gets_no_reminder() {
        assertEquals(OptionalInt.empty(), dueWith(Duration.ZERO));
        assertEquals(OptionalInt.empty(), dueWith(Duration.ofDays(-1)));
    }

    @Test
    void a_late_reminder_makes_the_earlier_ones_obsolete() {
        assertEquals(List.of(30, 14, 7), ExpiryReminderPolicy.coveredBy(7));
        assertEquals(List.of(30, 14), ExpiryReminderPolicy.coveredBy(14));
        assertEquals(List.of(30), ExpiryReminderPolicy.coveredBy(30));
    }
}
