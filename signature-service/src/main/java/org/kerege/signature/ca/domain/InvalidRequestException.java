package org.kerege.signature.ca.domain;

/** A CSR, OCSP request or CMS signature sent to us is malformed or not acceptable. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
