package org.kerege.signature.application.domain;

/** Where a key application stands. The edges between them are {@link KeyApplicationTransitions}. */
public enum KeyApplicationStatus {
    /** Received; an SMS code went to the phone. */
    SUBMITTED,
    /** The applicant typed the SMS code back. */
    PHONE_VERIFIED,
    /** payments-service issued the fee invoice. */
    FEE_INVOICED,
    /** payment-received arrived for that invoice. */
    PAID,
    /** An officer checked the identity document (or the selfie with passport) and approved. */
    IDENTITY_CHECKED,
    /** A certificate was issued (from a CSR, or with a .pfx handed over once). Final. */
    ISSUED,
    /** The identity check failed. Final. */
    REJECTED;

    public boolean isFinal() {
        return this == ISSUED || this == REJECTED;
    }
}
