package org.kerege.signature.identity.domain;

/**
 * TIN (STIR), the Uzbek taxpayer number of a legal entity (source 004: "STIR or JShShIR").
 * Validated for <b>format only</b>: exactly 9 ASCII digits (no officially published check-digit
 * rule at hand). {@link #toString()} is masked.
 */
public record Tin(String value) {

    public Tin {
        if (value == null || !value.matches("[0-9]{9}")) {
            throw new InvalidIdentifierException("tin", "must be exactly 9 digits");
        }
    }

    public static Tin of(String text) {
        return new Tin(text == null ? null : text.strip());
    }

    public String masked() {
        return Masking.mask(value);
    }

    @Override
    public String toString() {
        return "Tin[" + masked() + "]";
    }
}
