package org.kerege.platform.events.status;

import java.time.Instant;
import java.time.LocalDate;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An officer accepted an application's documents and handed over the acceptance talon. Carries no
 * name, phone, address or access code.
 *
 * @param number      the application number (aggregate id), e.g. {@code KZ-2026-000123}
 * @param serviceCode the catalog service code
 * @param officeId    the accepting office
 * @param kind        the workflow kind, e.g. {@code refugee-petition}
 * @param state       the state after acceptance
 * @param decisionDue the decision's due date in the office's zone, or null when the sources state none
 * @param submittedAt when
 */
@KeregeEvent(service = "status", aggregate = "application", name = "application-submitted", version = 1)
public record ApplicationSubmittedV1(String number, String serviceCode, String officeId, String kind, String state,
                                     LocalDate decisionDue, Instant submittedAt) implements Event {

    @Override
    public String aggregateId() {
        return number;
    }
}
