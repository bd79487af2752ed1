package org.kerege.signature.application.domain;

import java.time.Instant;
import java.util.UUID;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Channel;
import org.kerege.signature.identity.domain.Pinfl;
import org.kerege.signature.identity.domain.PhoneNumber;
import org.kerege.signature.identity.domain.Tin;

/**
 * A key application. Its status changes only through {@link #apply}, which follows
 * {@link KeyApplicationTransitions} and throws on an illegal edge. {@link #toString()} holds no personal data.
 */
public final class KeyApplication {

    public UUID id;
    public ApplicantType applicantType;
    public Pinfl pinfl;
    public Tin tin;
    public String holderName;
    public String organisation;
    public PhoneNumber phone;
    public String region;
    public String district;
    public Channel channel;
    public KeyApplicationStatus status;
    public String submittedBy;
    public String submittedRole;
    public String office;
    public Instant submittedAt;
    public Instant phoneVerifiedAt;
    public UUID invoiceId;
    public String paymentCode;
    public Long feeTotalMinor;
    public String feeCurrency;
    public Instant paidAt;
    public String paymentId;
    public String identityCheckedBy;
    public Instant identityCheckedAt;
    public String identityNote;
    public String certificateSerial;
    public String renewalOf;
    public Instant issuedAt;
    public int version;

    /** The PINFL (individual) or TIN (legal entity), masked: what events and logs may carry. */
    public String maskedIdentifier() {
        return applicantType == ApplicantType.LEGAL_ENTITY ? tin.masked() : pinfl.masked();
    }

    /** Moves along an allowed edge; returns it (with the event it names). */
    public KeyApplicationTransitions.Transition apply(KeyApplicationAction action) {
        KeyApplicationTransitions.Transition t = KeyApplicationTransitions.require(status, action);
        status = t.to();
        return t;
    }

    @Override
    public String toString() {
        return "KeyApplication[" + id + ", " + status + ", " + applicantType + ", " + channel + "]";
    }
}
