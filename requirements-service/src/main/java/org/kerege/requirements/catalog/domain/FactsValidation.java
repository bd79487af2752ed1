package org.kerege.requirements.catalog.domain;

import java.util.List;

/**
 * Result of {@link FactsValidator#validate(java.util.Map)}.
 *
 * @param facts  the facts that passed (only meaningful when {@link #valid()})
 * @param errors every problem found, field by field
 */
public record FactsValidation(ApplicantFacts facts, List<FactError> errors) {

    public FactsValidation {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
