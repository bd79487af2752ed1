package org.kerege.status.deadline.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.kerege.platform.calendar.WorkingCalendar;

/**
 * The date arithmetic of every legal clock of the sources, on the calendar of the office's country.
 * All dates are local dates in the office's zone; the triggering event's date is taken in that zone by
 * the caller.
 *
 * <h2>Start-day rules</h2>
 * <ul>
 *   <li><b>A period starts on the day after its triggering event.</b> The day of the event itself never
 *       counts (civil codes of KG and KZ: "a period begins on the day after the calendar date or event
 *       that starts it"). A 30-calendar-day term from 2 November therefore ends on 2 December.</li>
 *   <li><b>Calendar days</b>: the n-th day after the trigger ({@code trigger + n}).</li>
 *   <li><b>Working days</b>: the n-th working day after the trigger on the country's calendar
 *       ({@link WorkingCalendar#plusWorkingDays}); weekends and public holidays do not count. A
 *       2-working-day notice after a Friday deferral is due on Tuesday.</li>
 *   <li><b>Months and years</b>: end on the same-numbered day of the last month (year); when that
 *       month has no such day, on its last day (3 months from 30 November end on 28 February).</li>
 *   <li><b>End on a non-working day</b>: decided per clock by its {@link EndRule}.</li>
 *   <li><b>Validity periods</b> ({@link #validUntil}) give the last day the document is valid,
 *       counted by the same rules and never moved: a return certificate received on 21 November is
 *       valid through 21 December; a Meken-card issued on 21 November 2026 through 21 November 2036.</li>
 * </ul>
 *
 * @throws org.kerege.platform.calendar.CalendarNotKnownException (from the calendar) for a year whose
 *         holidays are not known: a due date is never guessed
 */
public final class DeadlineCalculator {

    private DeadlineCalculator() {
    }

    /** The last day of a duty's period that starts with an event on {@code trigger}. */
    public static LocalDate due(LocalDate trigger, Period period, EndRule endRule, WorkingCalendar calendar) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(calendar, "calendar");
        LocalDate counted = switch (period.unit()) {
            case CALENDAR_DAYS -> trigger.plusDays(period.amount());
            case WORKING_DAYS -> calendar.plusWorkingDays(trigger, period.amount());
            case MONTHS -> trigger.plusMonths(period.amount());
            case YEARS -> trigger.plusYears(period.amount());
            case MINUTES -> throw new IllegalArgumentException("minutes are not a date period");
        };
        return endRule == EndRule.NEXT_WORKING_DAY ? calendar.nextWorkingDayOnOrAfter(counted) : counted;
    }

    /** The last day a document received or issued on {@code start} is valid (never moved for holidays). */
    public static LocalDate validUntil(LocalDate start, Period period, WorkingCalendar calendar) {
        return due(start, period, EndRule.AS_COUNTED, calendar);
    }

    /**
     * The earliest date a deferred decision may be set to: the deferral postpones it by at least
     * {@code minimum} counted from the day of the deferral decision (003: "postponed by at least one
     * year" — we count from the deferral decision, the source names no other start).
     */
    public static LocalDate earliestAfterDeferral(LocalDate deferredOn, Period minimum) {
        return switch (minimum.unit()) {
            case CALENDAR_DAYS -> deferredOn.plusDays(minimum.amount());
            case MONTHS -> deferredOn.plusMonths(minimum.amount());
            case YEARS -> deferredOn.plusYears(minimum.amount());
            default -> throw new IllegalArgumentException("a postponement is counted in calendar days, months or years");
        };
    }

    /** Whether a duty due on {@code due} and done on {@code doneOn} was done in time (the due day itself is in time). */
    public static boolean inTime(LocalDate due, LocalDate doneOn) {
        return !doneOn.isAfter(due);
    }
}
