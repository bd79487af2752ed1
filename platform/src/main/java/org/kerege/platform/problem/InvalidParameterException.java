package org.kerege.platform.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that cannot be read as its type. JAX-RS would answer 404 for a
 * query parameter that fails conversion; a wrong date is the caller's mistake, so Kerege answers 400
 * naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String expected;

    public InvalidParameterException(String parameter, String expected) {
        super(parameter + ": expected " + expected);
        this.parameter = parameter;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    public String expected() {
        return expected;
    }
}
