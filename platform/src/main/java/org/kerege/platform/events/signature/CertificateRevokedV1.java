package org.kerege.platform.events.signature;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A signature certificate was revoked (by its holder, an officer, an administrator, or superseded by a
 * renewal). From now on the CRL and OCSP answer "revoked".
 *
 * @param serial           the certificate's serial number, hex, upper case (aggregate id)
 * @param applicationId    the key application it was issued for
 * @param holderType       INDIVIDUAL or LEGAL_ENTITY
 * @param maskedIdentifier the PINFL or TIN with all but the last 4 digits masked
 * @param reason           RFC 5280 reason name, e.g. KEY_COMPROMISE, SUPERSEDED, CESSATION_OF_OPERATION
 * @param revokedBy        the role that revoked it: holder, officer, admin or renewal
 * @param supersededBy     the serial of the certificate that replaced it (renewal), or null
 * @param revokedAt        when
 */
@KeregeEvent(service = "signature", aggregate = "certificate", name = "certificate-revoked", version = 1)
public record CertificateRevokedV1(String serial, String applicationId, String holderType, String maskedIdentifier,
                                   String reason, String revokedBy, String supersededBy, Instant revokedAt)
        implements Event {

    @Override
    public String aggregateId() {
        return serial;
    }
}
