package org.kerege.signature.identity.domain;

/**
 * PINFL (JShShIR, "personal identification number of a natural person"), the Uzbek personal number
 * the applicant enters on e-imzo.uz (source 004 names it, says nothing of its structure).
 *
 * <p>Validated for <b>format only</b>: exactly 14 ASCII digits. Structure (century/sex digit, birth
 * date, district, serial, check digit) and a check-digit algorithm are circulated unofficially, but
 * neither the source nor a published legal text at hand confirms them, so no check digit is
 * enforced: a wrong rule would refuse real citizens. {@link #toString()} is masked.
 */
public record Pinfl(String value) {

    public Pinfl {
        if (value == null || !value.matches("[0-9]{14}")) {
            throw new InvalidIdentifierException("pinfl", "must be exactly 14 digits");
        }
    }

    public static Pinfl of(String text) {
        return new Pinfl(text == null ? null : text.strip());
    }

    public String masked() {
        return Masking.mask(value);
    }

    @Override
    public String toString() {
        return "Pinfl[" + masked() + "]";
    }
}
