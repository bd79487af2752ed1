package org.kerege.payments.fee.domain;

import java.util.Map;

/** Options that are unknown, missing or of the wrong value; {@link #errors()} maps each to its message. */
public class InvalidFeeOptionsException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidFeeOptionsException(String feeCode, Map<String, String> errors) {
        super("The options of fee '" + feeCode + "' are not valid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
