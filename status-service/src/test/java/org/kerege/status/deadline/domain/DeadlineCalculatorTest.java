package org.kerege.status.deadline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.status.catalog.domain.Term.Unit.CALENDAR_DAYS;
import static org.kerege.status.catalog.domain.Term.Unit.MINUTES;
import static org.kerege.status.catalog.domain.Term.Unit.MONTHS;
import static org.kerege.status.catalog.domain.Term.Unit.WORKING_DAYS;
import static org.kerege.status.catalog.domain.Term.Unit.YEARS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.platform.calendar.WorkingCalendar;

/** Every legal clock of the sources, with the expected dates worked out by hand on a paper calendar. */
class DeadlineCalculatorTest {

    static final WorkingCalendar KZ = WorkingCalendar.of("KZ");
    static final WorkingCalendar KG = WorkingCalendar.of("KG");
    static final WorkingCalendar MN = WorkingCalendar.of("MN");

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Start_day_rules {
        @Test
        void a_term_in_days_starts_the_day_after_the_event_so_one_day_ends_the_next_day() {
            assertEquals(d("2026-11-03"), DeadlineCalculator.due(d("2026-11-02"), Period.of(1, CALENDAR_DAYS),
                    EndRule.AS_COUNTED, KG));
        }

        @Test
        void the_day_of_the_event_never_counts_as_a_working_day() {
            // Monday 2 Nov 2026 is a working day; one working day later is Tuesday.
            assertEquals(d("2026-11-03"), DeadlineCalculator.due(d("2026-11-02"), Period.of(1, WORKING_DAYS),
                    EndRule.AS_COUNTED, KG));
        }

        @Test
        void a_month_term_ends_on_the_same_day_number_or_the_last_day_of_a_shorter_month() {
            assertEquals(d("2026-02-28"), DeadlineCalculator.due(d("2026-01-31"), Period.of(1, MONTHS),
                    EndRule.AS_COUNTED, KG));
            assertEquals(d("2028-02-29"), DeadlineCalculator.due(d("2028-01-31"), Period.of(1, MONTHS),
                    EndRule.AS_COUNTED, KG));
        }

        @Test
        void a_duty_ending_on_a_weekend_moves_to_monday_only_when_its_end_rule_says_so() {
            // 1 month from 31 Jan 2026 is Saturday 28 Feb 2026.
            assertEquals(DayOfWeek.SATURDAY, d("2026-02-28").getDayOfWeek());
            assertEquals(d("2026-03-02"), DeadlineCalculator.due(d("2026-01-31"), Period.of(1, MONTHS),
                    EndRule.NEXT_WORKING_DAY, KG));
            assertEquals(d("2026-02-28"), DeadlineCalculator.due(d("2026-01-31"), Period.of(1, MONTHS),
                    EndRule.AS_COUNTED, KG));
        }

        @Test
        void a_due_date_already_on_a_working_day_does_not_move() {
            assertEquals(d("2026-12-02"), DeadlineCalculator.due(d("2026-11-02"), Period.of(30, CALENDAR_DAYS),
                    EndRule.NEXT_WORKING_DAY, KG));
        }

        @Test
        void minutes_are_not_a_date_period() {
            assertThrows(IllegalArgumentException.class, () -> Period.of(15, MINUTES));
            assertThrows(IllegalArgumentException.class, () -> Period.of(0, CALENDAR_DAYS));
        }

        @Test
        void the_due_day_itself_is_in_time_the_next_day_is_late() {
            assertTrue(DeadlineCalculator.inTime(d("2026-12-02"), d("2026-12-02")));
            assertTrue(DeadlineCalculator.inTime(d("2026-12-02"), d("2026-11-20")));
            assertFalse(DeadlineCalculator.inTime(d("2026-12-02"), d("2026-12-03")));
        }
    }

    /** 003: decision within 3 months of the petition's registration. */
    @Nested
    class Refugee_petition_decision_3_months {
        @Test
        void registered_on_15_april_is_decided_by_15_july() {
            assertEquals(d("2026-07-15"), DeadlineCalculator.due(d("2026-04-15"), Period.of(3, MONTHS),
                    EndRule.NEXT_WORKING_DAY, KZ));
        }

        @Test
        void registered_on_30_november_ends_on_the_last_day_of_february_a_sunday_so_monday_1_march() {
            assertEquals(DayOfWeek.SUNDAY, d("2027-02-28").getDayOfWeek());
            assertEquals(d("2027-03-01"), DeadlineCalculator.due(d("2026-11-30"), Period.of(3, MONTHS),
                    EndRule.NEXT_WORKING_DAY, KZ));
        }
    }

    /** 003: deferral by at least one year; written notice within 2 working days of the deferral decision. */
    @Nested
    class Refugee_petition_deferral {
        @Test
        void a_friday_deferral_must_be_notified_by_tuesday() {
            LocalDate friday = d("2026-11-20");
            assertEquals(DayOfWeek.FRIDAY, friday.getDayOfWeek());
            assertEquals(d("2026-11-24"), DeadlineCalculator.due(friday, Period.of(2, WORKING_DAYS),
                    EndRule.AS_COUNTED, KZ));
        }

        @Test
        void a_deferral_postpones_the_decision_to_no_earlier_than_the_same_day_next_year() {
            assertEquals(d("2027-11-20"), DeadlineCalculator.earliestAfterDeferral(d("2026-11-20"), Period.of(1, YEARS)));
            assertEquals(d("2029-02-28"), DeadlineCalculator.earliestAfterDeferral(d("2028-02-29"), Period.of(1, YEARS)));
        }

        @Test
        void a_notice_across_a_public_holiday_skips_it() {
            // Friday 3 Jul 2026; Monday 6 Jul is Capital Day in Kazakhstan: Tuesday 7 (1), Wednesday 8 (2).
            assertTrue(KZ.holiday(d("2026-07-06")).isPresent());
            assertEquals(d("2026-07-08"), DeadlineCalculator.due(d("2026-07-03"), Period.of(2, WORKING_DAYS),
                    EndRule.AS_COUNTED, KZ));
        }
    }

    /** 003: the refugee certificate is handed over within 5 working days of the decision. */
    @Nested
    class Refugee_certificate_hand_over_5_working_days {
        @Test
        void decided_on_a_monday_without_holidays_handed_over_by_next_monday() {
            assertEquals(d("2026-11-23"), DeadlineCalculator.due(d("2026-11-16"), Period.of(5, WORKING_DAYS),
                    EndRule.AS_COUNTED, KZ));
        }

        @Test
        void decided_on_friday_before_capital_day_handed_over_by_monday_13_july() {
            // Fri 3 Jul 2026 → Mon 6 Jul is Capital Day → Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5).
            assertEquals(d("2026-07-13"), DeadlineCalculator.due(d("2026-07-03"), Period.of(5, WORKING_DAYS),
                    EndRule.AS_COUNTED, KZ));
        }
    }

    /** 001 §5: Meken-card reviewed in 60 days (general) or 30 days (simplified). */
    @Nested
    class Meken_card_review {
        @Test
        void general_procedure_60_days_from_2_november_ends_on_new_year_so_moves_to_monday_4_january() {
            // 2 Nov 2026 + 60 days = Fri 1 Jan 2027 (New Year, KG); Sat 2, Sun 3 → Mon 4 Jan 2027.
            assertEquals(d("2027-01-04"), DeadlineCalculator.due(d("2026-11-02"), Period.of(60, CALENDAR_DAYS),
                    EndRule.NEXT_WORKING_DAY, KG));
        }

        @Test
        void simplified_procedure_30_days_from_2_november_is_2_december() {
            assertEquals(d("2026-12-02"), DeadlineCalculator.due(d("2026-11-02"), Period.of(30, CALENDAR_DAYS),
                    EndRule.NEXT_WORKING_DAY, KG));
        }
    }

    /** 001 §6: a marriage is registered one month after the joint application. */
    @Nested
    class Marriage_registered_one_month_after_application {
        @Test
        void applied_on_16_november_registered_on_16_december() {
            assertEquals(d("2026-12-16"), DeadlineCalculator.due(d("2026-11-16"), Period.of(1, MONTHS),
                    EndRule.NEXT_WORKING_DAY, KG));
        }
    }

    /** Validity periods: never moved for weekends or holidays. */
    @Nested
    class Validity {
        @Test
        void return_certificate_received_21_november_is_valid_through_21_december() {
            assertEquals(d("2026-12-21"), DeadlineCalculator.validUntil(d("2026-11-21"), Period.of(30, CALENDAR_DAYS), KG));
        }

        @Test
        void return_certificate_validity_ending_on_new_year_is_not_moved() {
            assertEquals(d("2027-01-01"), DeadlineCalculator.validUntil(d("2026-12-02"), Period.of(30, CALENDAR_DAYS), KG));
        }

        @Test
        void meken_card_is_valid_10_years_and_a_29_february_start_ends_on_28_february() {
            assertEquals(d("2036-11-21"), DeadlineCalculator.validUntil(d("2026-11-21"), Period.of(10, YEARS), KG));
            assertEquals(d("2038-02-28"), DeadlineCalculator.validUntil(d("2028-02-29"), Period.of(10, YEARS), KG));
        }

        @Test
        void mongolian_passport_is_valid_5_years() {
            assertEquals(d("2031-11-21"), DeadlineCalculator.validUntil(d("2026-11-21"), Period.of(5, YEARS), MN));
        }
    }
}
