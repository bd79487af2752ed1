package org.kerege.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected days written by hand from the countries' holiday laws and the 2026 wall calendar. */
class WorkingCalendarTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Kazakhstan {
        private final WorkingCalendar kz = WorkingCalendar.of("KZ");

        @Test
        void nauryz_is_three_days_and_its_weekend_days_move_to_the_following_working_days() {
            // 2026-03-21 is a Saturday, 22 a Sunday, 23 a Monday.
            assertFalse(kz.isWorkingDay(d("2026-03-21")));
            assertFalse(kz.isWorkingDay(d("2026-03-22")));
            assertFalse(kz.isWorkingDay(d("2026-03-23")));
            assertFalse(kz.isWorkingDay(d("2026-03-24")), "moved from Saturday's Nauryz");
            assertFalse(kz.isWorkingDay(d("2026-03-25")), "moved from Sunday's Nauryz");
            assertTrue(kz.isWorkingDay(d("2026-03-26")));
        }

        @Test
        void religious_holidays_do_not_move_off_a_weekend() {
            // 2024-01-07, Orthodox Christmas, was a Sunday: Monday 8 January stayed a working day.
            assertTrue(kz.isWorkingDay(d("2024-01-08")));
        }

        @Test
        void republic_day_is_a_holiday_since_2022_and_the_second_independence_day_is_gone() {
            // 2026-10-25 is a Sunday: Republic Day's day off moves to Monday 26 October.
            assertEquals(Optional.of("Republic Day"), kz.holiday(d("2026-10-25")));
            assertTrue(kz.holiday(d("2026-10-26")).orElseThrow().contains("Republic Day"));
            assertFalse(kz.isWorkingDay(d("2026-10-26")));
            assertFalse(kz.isWorkingDay(d("2023-10-25")));
            assertTrue(kz.isWorkingDay(d("2024-12-17")), "17 December is no longer a holiday");
            assertFalse(kz.isWorkingDay(d("2021-12-17")), "it still was in 2021");
        }

        @Test
        void a_friday_plus_two_working_days_is_the_tuesday() {
            assertEquals(d("2026-11-24"), kz.plusWorkingDays(d("2026-11-20"), 2));
        }

        @Test
        void ordinary_weekdays_work_and_weekends_do_not() {
            assertTrue(kz.isWorkingDay(d("2026-11-23")));
            assertFalse(kz.isWorkingDay(d("2026-11-21")));
            assertFalse(kz.isWorkingDay(d("2026-11-22")));
        }
    }

    @Nested
    class Kyrgyzstan {
        private final WorkingCalendar kg = WorkingCalendar.of("kg");

        @Test
        void five_working_days_after_a_friday_skip_independence_day() {
            // Friday 2026-08-28; Monday 31 August is Independence Day.
            assertFalse(kg.isWorkingDay(d("2026-08-31")));
            assertEquals(d("2026-09-07"), kg.plusWorkingDays(d("2026-08-28"), 5));
            assertEquals(5, kg.workingDaysBetween(d("2026-08-28"), d("2026-09-07")));
        }

        @Test
        void days_of_history_are_two_days_off() {
            assertFalse(kg.isWorkingDay(d("2027-11-08")));
            assertTrue(kg.holiday(d("2027-11-08")).isPresent());
        }
    }

    @Nested
    class Uzbekistan {
        private final WorkingCalendar uz = WorkingCalendar.of("UZ");

        @Test
        void independence_and_constitution_days_are_off() {
            assertFalse(uz.isWorkingDay(d("2026-09-01")));
            assertFalse(uz.isWorkingDay(d("2026-12-08")));
            assertTrue(uz.isWorkingDay(d("2026-12-09")));
        }
    }

    @Nested
    class Mongolia {
        private final WorkingCalendar mn = WorkingCalendar.of("MN");

        @Test
        void tsagaan_sar_and_naadam_come_from_our_data() {
            assertEquals(Optional.of("Tsagaan Sar"), mn.holiday(d("2025-03-03")));
            assertFalse(mn.isWorkingDay(d("2025-03-03")));
            assertFalse(mn.isWorkingDay(d("2026-07-13")));
            assertFalse(mn.isWorkingDay(d("2026-07-15")));
            assertTrue(mn.isWorkingDay(d("2026-07-16")));
            assertFalse(mn.isWorkingDay(d("2026-11-26")));
        }

        @Test
        void a_year_without_data_is_refused_not_guessed() {
            CalendarNotKnownException e = assertThrows(CalendarNotKnownException.class,
                    () -> mn.isWorkingDay(d("2028-01-04")));
            assertEquals(2028, e.year());
            assertEquals("MN", e.country());
        }

        @Test
        void years_with_unconfirmed_dates_say_so() {
            assertTrue(mn.isProvisional(2027));
        }
    }

    @Test
    void plus_zero_working_days_is_the_start_and_negative_is_refused() {
        WorkingCalendar kg = WorkingCalendar.of("KG");
        assertEquals(d("2026-11-21"), kg.plusWorkingDays(d("2026-11-21"), 0));
        assertThrows(IllegalArgumentException.class, () -> kg.plusWorkingDays(d("2026-11-21"), -1));
        assertEquals(d("2026-11-23"), kg.nextWorkingDayOnOrAfter(d("2026-11-21")));
        assertEquals(0, kg.workingDaysBetween(d("2026-11-23"), d("2026-11-22")));
    }

    @Test
    void other_countries_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of("RU"));
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of(null));
    }
}
