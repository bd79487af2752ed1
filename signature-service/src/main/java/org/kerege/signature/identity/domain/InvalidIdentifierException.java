package org.kerege.signature.identity.domain;

/** An identifier (PINFL, TIN, phone number) is malformed. The message never repeats the value. */
public class InvalidIdentifierException extends RuntimeException {

    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
