package org.kerege.status.catalog.domain;

/** A legal period: an amount of calendar days, working days, months or years. */
public record Term(int amount, Unit unit) {

    public enum Unit { CALENDAR_DAYS, WORKING_DAYS, MONTHS, YEARS }

    public Term {
        if (amount <= 0) {
            throw new IllegalArgumentException("A term is positive: " + amount);
        }
    }
}
