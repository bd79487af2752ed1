package org.kerege.signature.ca.domain;

import java.math.BigInteger;
import java.time.Instant;

/** One line of the CRL. */
public record RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
}
