package org.kerege.payments.fee.domain;

import java.util.List;

/** The fee data file cannot be read or breaks a rule; lists every problem found. */
public class FeeDataException extends RuntimeException {

    private final List<String> problems;

    public FeeDataException(List<String> problems) {
        super("The fee data is not valid (" + problems.size() + " problem(s)):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
