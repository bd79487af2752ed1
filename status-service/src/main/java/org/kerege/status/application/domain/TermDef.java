package org.kerege.status.application.domain;

import org.kerege.status.catalog.domain.Term;
import org.kerege.status.deadline.domain.Period;

/** A term in the workflow file: the period that applies when the condition holds. */
public record TermDef(String condition, int amount, Term.Unit unit, String source) {

    public Period period() {
        return Period.of(amount, unit);
    }

    public static TermDef of(Term term) {
        return new TermDef(term.condition(), term.amount(), term.unit(), "catalog");
    }
}
