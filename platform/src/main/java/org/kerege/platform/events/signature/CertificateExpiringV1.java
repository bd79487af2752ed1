package org.kerege.platform.events.signature;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A valid signature certificate expires soon: a reminder at 30, 14 and 7 days before its end, once
 * each, so that the holder renews it online while the key is still valid.
 *
 * @param serial           the certificate's serial number, hex, upper case (aggregate id)
 * @param applicationId    the key application it was issued for
 * @param holderType       INDIVIDUAL or LEGAL_ENTITY
 * @param maskedIdentifier the PINFL or TIN with all but the last 4 digits masked
 * @param daysLeft         30, 14 or 7
 * @param notAfter         end of validity
 * @param remindedAt       when the reminder was raised
 */
@KeregeEvent(service = "signature", aggregate = "certificate", name = "certificate-expiring", version = 1)
public record CertificateExpiringV1(String serial, String applicationId, String holderType, String maskedIdentifier,
                                    int daysLeft, Instant notAfter, Instant remindedAt) implements Event {

    @Override
    public String aggregateId() {
        return serial;
    }
}
