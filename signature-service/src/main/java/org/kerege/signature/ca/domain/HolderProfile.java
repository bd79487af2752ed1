package org.kerege.signature.ca.domain;

import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Pinfl;
import org.kerege.signature.identity.domain.Tin;

/**
 * Whose certificate it is: the holder's name and PINFL, and for a legal entity its name and TIN.
 * {@link #toString()} is masked.
 */
public record HolderProfile(ApplicantType type, String holderName, Pinfl pinfl, String organisation, Tin tin) {

    public HolderProfile {
        if (type == ApplicantType.LEGAL_ENTITY && (tin == null || organisation == null || organisation.isBlank())) {
            throw new IllegalArgumentException("A legal entity's certificate needs the organisation and its TIN");
        }
    }

    @Override
    public String toString() {
        return "HolderProfile[" + type + ", " + pinfl + (tin == null ? "" : ", " + tin) + "]";
    }
}
