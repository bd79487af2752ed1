package org.kerege.platform.events.status;

import java.time.Instant;
import java.time.LocalDate;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A legal clock of an application passed its due date while still running. Raised once per deadline.
 *
 * @param number      the application number (aggregate id)
 * @param clock       the clock, e.g. {@code decision}
 * @param dueDate     the due date that passed, in the office's zone
 * @param serviceCode the catalog service code
 * @param officeId    the office
 * @param raisedAt    when
 */
@KeregeEvent(service = "status", aggregate = "application", name = "deadline-breached", version = 1)
public record DeadlineBreachedV1(String number, String clock, LocalDate dueDate, String serviceCode, String officeId,
                                 Instant raisedAt) implements Event {

    @Override
    public String aggregateId() {
        return number;
    }
}
