package org.kerege.platform.events.status;

import java.time.Instant;
import java.time.LocalDate;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A legal clock of an application is close to its due date and still running. Raised once per deadline.
 *
 * @param number      the application number (aggregate id)
 * @param clock       the clock, e.g. {@code decision}, {@code deferral-notice}, {@code hand-over}
 * @param dueDate     the due date in the office's zone
 * @param serviceCode the catalog service code
 * @param officeId    the office
 * @param raisedAt    when
 */
@KeregeEvent(service = "status", aggregate = "application", name = "deadline-approaching", version = 1)
public record DeadlineApproachingV1(String number, String clock, LocalDate dueDate, String serviceCode,
                                    String officeId, Instant raisedAt) implements Event {

    @Override
    public String aggregateId() {
        return number;
    }
}
