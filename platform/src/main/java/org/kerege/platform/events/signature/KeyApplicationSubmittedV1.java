package org.kerege.platform.events.signature;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * Someone applied for an electronic signature key (ENQ). Carries no phone number and no full PINFL/TIN:
 * only the masked identifier.
 *
 * @param applicationId    the key application's id (aggregate id)
 * @param applicantType    INDIVIDUAL or LEGAL_ENTITY
 * @param channel          SERVICE_CENTRE, PORTAL (my.gov.uz) or E_IMZO (e-imzo.uz)
 * @param maskedIdentifier the PINFL (individual) or TIN (legal entity) with all but the last 4 digits masked
 * @param region           the region the applicant chose
 * @param district         the district the applicant chose
 * @param submittedAt      when
 */
@KeregeEvent(service = "signature", aggregate = "key-application", name = "key-application-submitted", version = 1)
public record KeyApplicationSubmittedV1(String applicationId, String applicantType, String channel,
                                        String maskedIdentifier, String region, String district, Instant submittedAt)
        implements Event {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
