package org.kerege.platform.events.status;

import java.time.Instant;
import java.util.List;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An application took an edge of its workflow.
 *
 * @param number      the application number (aggregate id)
 * @param serviceCode the catalog service code
 * @param officeId    the office
 * @param event       the workflow event, e.g. {@code fee-paid}, {@code deferred}, {@code refused}
 * @param fromState   the state before
 * @param toState     the state after
 * @param reasons     refusal grounds (codes of the source) for a refusal; empty otherwise
 * @param changedAt   when
 */
@KeregeEvent(service = "status", aggregate = "application", name = "application-status-changed", version = 1)
public record ApplicationStatusChangedV1(String number, String serviceCode, String officeId, String event,
                                         String fromState, String toState, List<String> reasons, Instant changedAt)
        implements Event {

    @Override
    public String aggregateId() {
        return number;
    }
}
