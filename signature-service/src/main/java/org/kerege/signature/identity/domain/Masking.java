package org.kerege.signature.identity.domain;

/** Masks identifiers for logs, events and views: all but the last 4 characters become {@code *}. */
public final class Masking {

    private Masking() {
    }

    /** {@code 31234567890123} → {@code **********0123}; null stays null; 4 characters or fewer are fully masked. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        return "*".repeat(n - 4) + value.substring(n - 4);
    }
}
