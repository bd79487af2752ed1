package org.kerege.platform.events.appointments;

import java.util.List;
import org.kerege.platform.events.Event;

/** The event records of appointments-service, in the order the AsyncAPI document lists them. */
public final class AppointmentEvents {

    public static final List<Class<? extends Event>> ALL = List.of(AppointmentBookedV1.class,
            AppointmentCancelledV1.class, AppointmentCheckedInV1.class, AppointmentNoShowV1.class, TicketIssuedV1.class,
            TicketCalledV1.class, TicketServedV1.class);

    private AppointmentEvents() {
    }
}
