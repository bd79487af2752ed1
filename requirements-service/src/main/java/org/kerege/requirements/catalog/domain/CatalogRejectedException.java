package org.kerege.requirements.catalog.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog draft that failed validation; it is never published. */
public class CatalogRejectedException extends RuntimeException {

    private final List<CatalogProblem> problems;

    public CatalogRejectedException(List<CatalogProblem> problems) {
        super("catalog refused, " + problems.size() + " problem(s):\n"
                + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
