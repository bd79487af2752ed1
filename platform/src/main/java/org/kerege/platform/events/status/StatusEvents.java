package org.kerege.platform.events.status;

import java.util.List;
import org.kerege.platform.events.Event;

/** The event records of status-service, in the order the AsyncAPI document lists them. */
public final class StatusEvents {

    public static final List<Class<? extends Event>> ALL = List.of(ApplicationSubmittedV1.class,
            ApplicationStatusChangedV1.class, DeadlineApproachingV1.class, DeadlineBreachedV1.class,
            NotificationRequestedV1.class);

    private StatusEvents() {
    }
}
