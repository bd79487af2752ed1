package org.kerege.status.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.appointments.AppointmentCheckedInV1;
import org.kerege.status.application.ApplicationCommands;
import org.kerege.status.application.domain.ApplicationNumber;

/** A booked applicant checked in for an application's visit: noted in its history (the workflow does not move). */
@ApplicationScoped
public class AppointmentCheckedInHandler implements EventHandler<AppointmentCheckedInV1> {

    private final ApplicationCommands commands;

    public AppointmentCheckedInHandler(ApplicationCommands commands) {
        this.commands = commands;
    }

    @Override
    public Class<AppointmentCheckedInV1> eventClass() {
        return AppointmentCheckedInV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, AppointmentCheckedInV1 event) {
        if (ApplicationNumber.isWellFormed(event.applicationRef())) {
            commands.note(event.applicationRef(), "appointment-checked-in", "appointments-service",
                    "ticket " + event.ticketNumber());
        }
    }
}
