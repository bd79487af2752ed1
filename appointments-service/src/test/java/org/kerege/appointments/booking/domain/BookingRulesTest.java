package org.kerege.appointments.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    @Nested
    class Transitions {

        /** Written by hand: which status each action may start from. */
        final Map<BookingAction, Set<BookingStatus>> expected = Map.of(
                BookingAction.CONFIRM, EnumSet.of(BookingStatus.HELD),
                BookingAction.CANCEL, EnumSet.of(BookingStatus.HELD, BookingStatus.CONFIRMED),
                BookingAction.RESCHEDULE, EnumSet.of(BookingStatus.HELD, BookingStatus.CONFIRMED),
                BookingAction.EXPIRE, EnumSet.of(BookingStatus.HELD),
                BookingAction.CHECK_IN, EnumSet.of(BookingStatus.CONFIRMED),
                BookingAction.MARK_NO_SHOW, EnumSet.of(BookingStatus.CONFIRMED));

        @Test
        void every_action_is_allowed_exactly_from_the_statuses_of_the_table() {
            for (BookingAction a : BookingAction.values()) {
                for (BookingStatus s : BookingStatus.values()) {
                    if (expected.get(a).contains(s)) {
                        assertNotNull(a.apply(s), a + " from " + s);
                    } else {
                        assertThrows(IllegalBookingTransitionException.class, () -> a.apply(s), a + " from " + s);
                    }
                }
            }
        }

        @Test
        void actions_lead_where_they_say() {
            assertEquals(BookingStatus.CONFIRMED, BookingAction.CONFIRM.apply(BookingStatus.HELD));
            assertEquals(BookingStatus.CANCELLED, BookingAction.CANCEL.apply(BookingStatus.CONFIRMED));
            assertEquals(BookingStatus.HELD, BookingAction.RESCHEDULE.apply(BookingStatus.HELD));
            assertEquals(BookingStatus.CHECKED_IN, BookingAction.CHECK_IN.apply(BookingStatus.CONFIRMED));
            assertEquals(BookingStatus.NO_SHOW, BookingAction.MARK_NO_SHOW.apply(BookingStatus.CONFIRMED));
            assertEquals(BookingStatus.EXPIRED, BookingAction.EXPIRE.apply(BookingStatus.HELD));
        }

        @Test
        void only_held_and_confirmed_occupy_a_place() {
            for (BookingStatus s : BookingStatus.values()) {
                assertEquals(s == BookingStatus.HELD || s == BookingStatus.CONFIRMED, s.occupiesPlace(), s.name());
            }
        }
    }

    @Nested
    class Check_in_window {

        final CheckInRule rule = new CheckInRule(Duration.ofHours(1), Duration.ofMinutes(15));
        final Instant start = Instant.parse("2026-11-23T04:00:00Z");   // 10:00 in Bishkek

        @Test
        void opens_an_hour_before_and_closes_fifteen_minutes_after_the_start() {
            assertEquals(CheckInRule.Verdict.TOO_EARLY, rule.judge(start, Instant.parse("2026-11-23T02:59:59Z")));
            assertEquals(CheckInRule.Verdict.ON_TIME, rule.judge(start, Instant.parse("2026-11-23T03:00:00Z")));
            assertEquals(CheckInRule.Verdict.ON_TIME, rule.judge(start, Instant.parse("2026-11-23T04:15:00Z")));
            assertEquals(CheckInRule.Verdict.TOO_LATE, rule.judge(start, Instant.parse("2026-11-23T04:15:01Z")));
        }

        @Test
        void a_booking_becomes_a_no_show_only_after_the_grace_period() {
            assertFalse(rule.isNoShow(start, Instant.parse("2026-11-23T04:15:00Z")));
            assertTrue(rule.isNoShow(start, Instant.parse("2026-11-23T04:15:01Z")));
        }
    }

    @Nested
    class Quota {

        @Test
        void kazakhstan_allows_one_booking_per_ten_days() {
            BookingQuota kz = new BookingQuota(1, 10);
            assertTrue(kz.allowsAnother(0));
            assertFalse(kz.allowsAnother(1));
            assertEquals(Instant.parse("2026-11-11T12:00:00Z"), kz.windowStart(Instant.parse("2026-11-21T12:00:00Z")));
        }

        @Test
        void a_quota_needs_positive_numbers() {
            assertThrows(IllegalArgumentException.class, () -> new BookingQuota(0, 10));
            assertThrows(IllegalArgumentException.class, () -> new BookingQuota(1, 0));
        }
    }

    @Nested
    class Short_codes {

        @Test
        void are_eight_unambiguous_characters_and_survive_sloppy_typing() {
            String code = ShortCode.generate();
            assertEquals(8, code.length());
            assertTrue(code.chars().noneMatch(c -> "01IOL".indexOf(c) >= 0), code);
            assertEquals(code, ShortCode.normalise(code.substring(0, 4).toLowerCase() + "-" + code.substring(4)));
            assertNull(ShortCode.normalise("0f8fad5b-d9cb-469f-a165-70867728950e"));
            assertNull(ShortCode.normalise("ABCD-EFG1"));
        }
    }
}
