package org.kerege.status.deadline.domain;

import java.util.Objects;
import org.kerege.status.catalog.domain.Term;

/**
 * A legal period: an amount of a unit. Minutes are not a date period (they measure a queue wait, which
 * appointments-service keeps) and are refused here.
 */
public record Period(int amount, Term.Unit unit) {

    public Period {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("A period is positive: " + amount);
        }
        if (unit == Term.Unit.MINUTES) {
            throw new IllegalArgumentException("A period in minutes is not a date period");
        }
    }

    public static Period of(int amount, Term.Unit unit) {
        return new Period(amount, unit);
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase().replace('_', ' ');
    }
}
