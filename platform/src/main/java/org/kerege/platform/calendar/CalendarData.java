package org.kerege.platform.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One country's calendar data file ({@code calendar/<cc>.json}): what jollyday lacks or gets wrong,
 * or, for Mongolia, the whole calendar. Every entry names its legal source.
 *
 * @param country              ISO 3166 alpha-2
 * @param useJollyday          start from jollyday's rules for the country
 * @param weekend              days of the week that are days off
 * @param coveredYears         the years the data covers; null = every year (rule-based data only)
 * @param provisionalYears     years whose data is known to be incomplete or not yet confirmed
 * @param fixed                holidays on the same month and day every year, within their years in force
 * @param dated                one-off days off: lunar holidays of one year, government-moved days off
 * @param workingDays          weekend days made working days by a government decision (transfers)
 * @param removedFromJollyday  jollyday holidays (English description) that are not days off here
 * @param weekendShift         when a holiday falls on a day off, the next working day is off instead
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CalendarData(String country, boolean useJollyday, List<DayOfWeek> weekend, Years coveredYears,
                    List<Integer> provisionalYears, List<Fixed> fixed, List<Dated> dated, List<Dated> workingDays, List<String> removedFromJollyday,
                    WeekendShift weekendShift) {

    CalendarData {
        provisionalYears = provisionalYears == null ? List.of() : provisionalYears;
        fixed = fixed == null ? List.of() : fixed;
        dated = dated == null ? List.of() : dated;
        workingDays = workingDays == null ? List.of() : workingDays;
        removedFromJollyday = removedFromJollyday == null ? List.of() : removedFromJollyday;
        weekend = weekend == null ? List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : weekend;
    }

    /** Inclusive range of years. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Years(int from, int to) {
        boolean contains(int year) {
            return year >= from && year <= to;
        }
    }

    /** A holiday on a fixed month and day, in force from {@code fromYear} to {@code toYear} (inclusive, null = open). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fixed(int month, int day, String name, Integer fromYear, Integer toYear, String source) {
        boolean inForce(int year) {
            return (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
        }
    }

    /** A holiday or a working day on one date. {@code confirmed} is false for a provisional date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dated(LocalDate date, String name, String source, Boolean confirmed) {
    }

    /**
     * @param enabled whether the rule applies
     * @param except  holiday names the rule does not move (e.g. religious holidays in Kazakhstan)
     * @param source  the legal source of the rule
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WeekendShift(boolean enabled, List<String> except, String source) {
        WeekendShift {
            except = except == null ? List.of() : except;
        }
    }
}
