package org.kerege.appointments.office.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.platform.calendar.CalendarNotKnownException;
import org.kerege.platform.calendar.WorkingCalendar;

/** Slots from weekly hours, breaks, holidays, closures and zones; expected values worked out by hand. */
class SlotGeneratorTest {

    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    static List<DayHours> hours(List<DayOfWeek> days, String opens, String closes, String... breaks) {
        List<TimeRange> b = new java.util.ArrayList<>();
        for (int i = 0; i < breaks.length; i += 2) {
            b.add(new TimeRange(LocalTime.parse(breaks[i]), LocalTime.parse(breaks[i + 1])));
        }
        return days.stream().map(d -> new DayHours(d, LocalTime.parse(opens), LocalTime.parse(closes), b)).toList();
    }

    static Office office(String id, String country, String zone, List<DayHours> hours, Closure... closures) {
        return new Office(id, id, null, "OTHER", country, ZoneId.of(zone), null, hours, "test",
                List.of(new Counter("1", null, false, List.of("s"))), List.of(), List.of(closures));
    }

    /** Source 003 annex 1: 09:00-18:30, lunch 13:00-14:30; Almaty on UTC+5 since 1 March 2024. */
    static final Office ALMATY = office("kz-mp-almaty", "KZ", "Asia/Almaty", hours(WEEKDAYS, "09:00", "18:30", "13:00", "14:30"));

    static List<DaySchedule> days(Office o, String from, String to, int minutes, Holidays holidays) {
        return SlotGenerator.days(o, LocalDate.parse(from), LocalDate.parse(to), Duration.ofMinutes(minutes), 1, holidays,
                Instant.MIN);
    }

    static List<String> starts(DaySchedule d) {
        return d.slots().stream().map(s -> s.startsAt().toString()).toList();
    }

    @Nested
    class Kazakh_migration_police_unit_in_Almaty {

        @Test
        void cuts_a_monday_into_half_hours_around_the_lunch_break_in_utc_plus_5() {
            DaySchedule monday = days(ALMATY, "2026-11-23", "2026-11-23", 30, Holidays.NONE).get(0);
            assertNull(monday.closedReason());
            assertEquals(List.of("2026-11-23T09:00+05:00", "2026-11-23T09:30+05:00", "2026-11-23T10:00+05:00",
                    "2026-11-23T10:30+05:00", "2026-11-23T11:00+05:00", "2026-11-23T11:30+05:00", "2026-11-23T12:00+05:00",
                    "2026-11-23T12:30+05:00", "2026-11-23T14:30+05:00", "2026-11-23T15:00+05:00", "2026-11-23T15:30+05:00",
                    "2026-11-23T16:00+05:00", "2026-11-23T16:30+05:00", "2026-11-23T17:00+05:00", "2026-11-23T17:30+05:00",
                    "2026-11-23T18:00+05:00"), starts(monday));
            assertEquals(OffsetDateTime.parse("2026-11-23T18:30+05:00"), monday.slots().get(15).endsAt());
            assertEquals(Instant.parse("2026-11-23T04:00:00Z"), monday.slots().get(0).startsAt().toInstant());
        }

        @Test
        void was_utc_plus_6_before_march_2024() {
            DaySchedule before = days(ALMATY, "2024-02-29", "2024-02-29", 30, Holidays.NONE).get(0);
            DaySchedule after = days(ALMATY, "2024-03-04", "2024-03-04", 30, Holidays.NONE).get(0);
            assertEquals("2024-02-29T09:00+06:00", starts(before).get(0));
            assertEquals("2024-03-04T09:00+05:00", starts(after).get(0));
        }

        @Test
        void is_closed_at_the_weekend_and_on_independence_day() {
            List<DaySchedule> week = days(ALMATY, "2026-12-14", "2026-12-20", 30, WorkingCalendar.of("KZ")::holiday);
            assertEquals(16, week.get(0).slots().size());                       // Mon 14th
            assertTrue(week.get(2).slots().isEmpty());                          // Wed 16th: Independence Day
            assertTrue(week.get(2).closedReason().startsWith("Public holiday"), week.get(2).closedReason());
            assertEquals(16, week.get(3).slots().size());                       // Thu 17th
            assertTrue(week.get(5).slots().isEmpty());                          // Sat
            assertTrue(week.get(6).slots().isEmpty());                          // Sun
            assertTrue(week.get(6).closedReason().startsWith("Not an opening day"));
        }

        @Test
        void kostanay_oral_and_aktau_units_use_their_own_zones() {
            Office kostanay = office("kz-mp-kostanay", "KZ", "Asia/Qostanay", ALMATY.hours());
            Office oral = office("kz-mp-west", "KZ", "Asia/Oral", ALMATY.hours());
            assertEquals("2026-11-23T09:00+05:00", starts(days(kostanay, "2026-11-23", "2026-11-23", 30, Holidays.NONE).get(0)).get(0));
            assertEquals("2023-11-20T09:00+06:00", starts(days(kostanay, "2023-11-20", "2023-11-20", 30, Holidays.NONE).get(0)).get(0));
            assertEquals("2023-11-20T09:00+05:00", starts(days(oral, "2023-11-20", "2023-11-20", 30, Holidays.NONE).get(0)).get(0));
        }
    }

    @Nested
    class Kyrgyz_centre_in_Bishkek {

        final Office bishkek = office("kg-bishkek-1", "KG", "Asia/Bishkek", hours(WEEKDAYS, "09:00", "18:00", "12:00", "13:00"));

        @Test
        void offers_24_twenty_minute_slots_on_a_working_day_in_utc_plus_6() {
            DaySchedule d = days(bishkek, "2026-11-23", "2026-11-23", 20, WorkingCalendar.of("KG")::holiday).get(0);
            assertEquals(24, d.slots().size());       // 09:00-12:00: 9, 13:00-18:00: 15
            assertEquals("2026-11-23T11:40+06:00", starts(d).get(8));
            assertEquals("2026-11-23T13:00+06:00", starts(d).get(9));
            assertEquals("2026-11-23T17:40+06:00", starts(d).get(23));
        }

        @Test
        void is_closed_on_independence_day() {
            DaySchedule d = days(bishkek, "2026-08-31", "2026-08-31", 20, WorkingCalendar.of("KG")::holiday).get(0);
            assertTrue(d.slots().isEmpty());
            assertTrue(d.closedReason().startsWith("Public holiday"));
        }

        @Test
        void leaves_out_slots_that_have_begun() {
            List<DaySchedule> d = SlotGenerator.days(bishkek, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"),
                    Duration.ofMinutes(20), 1, Holidays.NONE, Instant.parse("2026-11-23T07:05:00Z"));  // 13:05 in Bishkek
            assertEquals("2026-11-23T13:20+06:00", starts(d.get(0)).get(0));
            assertEquals(14, d.get(0).slots().size());
        }
    }

    @Nested
    class Mongolian_passport_office {

        final Office ub = office("mn-ub-passport", "MN", "Asia/Ulaanbaatar", hours(WEEKDAYS, "09:00", "18:00", "13:00", "14:00"));

        @Test
        void never_lets_a_slot_run_into_lunch_or_past_closing() {
            DaySchedule d = days(ub, "2026-11-23", "2026-11-23", 25, Holidays.NONE).get(0);
            // 09:00-13:00 holds 9 slots of 25 min (last ends 12:45), 14:00-18:00 another 9 (last ends 17:45)
            assertEquals(18, d.slots().size());
            assertEquals(OffsetDateTime.parse("2026-11-23T12:45+08:00"), d.slots().get(8).endsAt());
            assertEquals("2026-11-23T14:00+08:00", starts(d).get(9));
            assertEquals(OffsetDateTime.parse("2026-11-23T17:45+08:00"), d.slots().get(17).endsAt());
        }

        @Test
        void is_closed_for_naadam_and_republic_day() {
            Holidays mn = WorkingCalendar.of("MN")::holiday;
            assertTrue(days(ub, "2026-07-13", "2026-07-13", 25, mn).get(0).closedReason().contains("Naadam"));
            assertTrue(days(ub, "2026-11-26", "2026-11-26", 25, mn).get(0).slots().isEmpty());
        }

        @Test
        void refuses_to_guess_a_year_the_calendar_data_does_not_cover() {
            Holidays mn = WorkingCalendar.of("MN")::holiday;
            assertThrows(CalendarNotKnownException.class, () -> days(ub, "2031-03-03", "2031-03-03", 25, mn));
        }
    }

    @Nested
    class Uzbek_public_services_centre_in_Tashkent {

        final Office tashkent = office("uz-tashkent-psc", "UZ", "Asia/Tashkent", concat(
                hours(WEEKDAYS, "09:00", "18:00", "13:00", "14:00"), hours(List.of(DayOfWeek.SATURDAY), "09:00", "13:00")));

        static List<DayHours> concat(List<DayHours> a, List<DayHours> b) {
            List<DayHours> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        @Test
        void is_open_saturday_morning_without_a_break() {
            DaySchedule saturday = days(tashkent, "2026-11-21", "2026-11-21", 20, Holidays.NONE).get(0);
            assertEquals(12, saturday.slots().size());
            assertEquals("2026-11-21T09:00+05:00", starts(saturday).get(0));
            assertEquals(OffsetDateTime.parse("2026-11-21T13:00+05:00"), saturday.slots().get(11).endsAt());
        }

        @Test
        void is_closed_on_independence_day() {
            assertTrue(days(tashkent, "2026-09-01", "2026-09-01", 20, WorkingCalendar.of("UZ")::holiday).get(0).slots().isEmpty());
        }
    }

    @Nested
    class Kyrgyz_consulate_in_Moscow {

        final Office moscow = office("kg-consulate-moscow", "KG", "Europe/Moscow", hours(WEEKDAYS, "09:00", "18:00", "13:00", "14:00"));

        @Test
        void shows_moscow_time_and_closes_on_kyrgyz_holidays() {
            Holidays kg = WorkingCalendar.of("KG")::holiday;
            assertEquals("2026-11-23T09:00+03:00", starts(days(moscow, "2026-11-23", "2026-11-23", 30, kg).get(0)).get(0));
            assertTrue(days(moscow, "2026-08-31", "2026-08-31", 30, kg).get(0).slots().isEmpty());
        }

        @Test
        void was_utc_plus_4_in_2013() {
            assertEquals("2013-06-03T09:00+04:00", starts(days(moscow, "2013-06-03", "2013-06-03", 30, Holidays.NONE).get(0)).get(0));
        }
    }

    @Nested
    class Closures_and_the_slot_grid {

        @Test
        void a_one_off_closure_has_no_slots_and_says_why() {
            Office closed = office("x", "KZ", "Asia/Almaty", ALMATY.hours(),
                    new Closure(1L, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"), "Renovation"));
            List<DaySchedule> d = days(closed, "2026-11-23", "2026-11-26", 30, Holidays.NONE);
            assertEquals(16, d.get(0).slots().size());
            assertEquals("Closed: Renovation", d.get(1).closedReason());
            assertEquals("Closed: Renovation", d.get(2).closedReason());
            assertEquals(16, d.get(3).slots().size());
        }

        @Test
        void finds_a_slot_on_the_grid_and_nothing_off_it() {
            Duration half = Duration.ofMinutes(30);
            assertTrue(SlotGenerator.slotAt(ALMATY, Instant.parse("2026-11-23T09:30:00Z"), half, 1, Holidays.NONE).isPresent()); // 14:30 local
            assertTrue(SlotGenerator.slotAt(ALMATY, Instant.parse("2026-11-23T08:30:00Z"), half, 1, Holidays.NONE).isEmpty());   // 13:30: lunch
            assertTrue(SlotGenerator.slotAt(ALMATY, Instant.parse("2026-11-23T04:10:00Z"), half, 1, Holidays.NONE).isEmpty());   // 09:10: off grid
            assertTrue(SlotGenerator.slotAt(ALMATY, Instant.parse("2026-11-23T13:30:00Z"), half, 1, Holidays.NONE).isEmpty());   // 18:30: closed
        }

        @Test
        void hours_with_a_break_outside_them_are_refused() {
            assertThrows(IllegalArgumentException.class, () -> new DayHours(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                    LocalTime.of(18, 0), List.of(new TimeRange(LocalTime.of(17, 0), LocalTime.of(19, 0)))));
            assertThrows(IllegalArgumentException.class, () -> new DayHours(DayOfWeek.MONDAY, LocalTime.of(18, 0),
                    LocalTime.of(9, 0), List.of()));
        }
    }
}
