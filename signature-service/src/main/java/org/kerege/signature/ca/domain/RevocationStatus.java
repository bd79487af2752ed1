package org.kerege.signature.ca.domain;

import java.time.Instant;

/** What the CA knows about a serial: issued and not revoked, revoked (when, why), or not ours. */
public sealed interface RevocationStatus {

    record Good(Instant notAfter) implements RevocationStatus {
    }

    record Revoked(Instant revokedAt, RevocationReason reason) implements RevocationStatus {
    }

    /** Never issued by this CA. */
    record Unknown() implements RevocationStatus {
    }
}
