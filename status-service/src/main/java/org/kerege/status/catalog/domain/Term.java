package org.kerege.status.catalog.domain;

/**
 * A legal period that applies in a situation.
 *
 * @param condition the situation, in the catalog's condition language ({@code true}: always)
 * @param amount    how many units
 * @param unit      the unit the law counts in
 * @param startsOn  what starts the clock, e.g. {@code registration}; null when unstated
 */
public record Term(String condition, int amount, Unit unit, String startsOn) {

    public enum Unit { MINUTES, CALENDAR_DAYS, WORKING_DAYS, MONTHS, YEARS }

    public Term {
        if (amount <= 0) {
            throw new IllegalArgumentException("A term is positive: " + amount);
        }
    }
}
