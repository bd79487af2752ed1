package org.kerege.requirements.catalog.domain;

import java.util.List;

/** Thrown by {@link ApplicantFacts#of(java.util.Map)} when a request's facts are not acceptable. */
public class InvalidFactsException extends IllegalArgumentException {

    private final List<FactError> errors;

    public InvalidFactsException(List<FactError> errors) {
        super("invalid applicant facts: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FactError> errors() {
        return errors;
    }
}
