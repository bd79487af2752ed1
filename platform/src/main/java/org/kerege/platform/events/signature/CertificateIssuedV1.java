package org.kerege.platform.events.signature;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * The CA issued a signature certificate for a key application. Carries no key, password or full
 * PINFL/TIN: only the masked identifier.
 *
 * @param serial          the certificate's serial number, hex, upper case (aggregate id)
 * @param applicationId   the key application it was issued for
 * @param applicationRef  the status-service application number the key application is tracked under, or null
 * @param holderType      INDIVIDUAL or LEGAL_ENTITY
 * @param maskedIdentifier the PINFL or TIN with all but the last 4 digits masked
 * @param notBefore       start of validity
 * @param notAfter        end of validity
 * @param issuedAt        when
 */
@KeregeEvent(service = "signature", aggregate = "certificate", name = "certificate-issued", version = 1)
public record CertificateIssuedV1(String serial, String applicationId, String applicationRef, String holderType,
                                  String maskedIdentifier, Instant notBefore, Instant notAfter, Instant issuedAt)
        implements Event {

    @Override
    public String aggregateId() {
        return serial;
    }
}
