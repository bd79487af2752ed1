package org.kerege.requirements.catalog.domain;

/**
 * A term that applies when its condition holds, e.g. review window 60 days when
 * {@code procedure == "general"}; validity 3 years when {@code extensionYears == 3}. The first rule
 * whose condition is TRUE decides; rules whose condition is UNKNOWN are offered as alternatives.
 */
public record TermRule(Condition condition, Term term) {

    public TermRule {
        condition = condition == null ? Condition.ALWAYS : condition;
    }
}
