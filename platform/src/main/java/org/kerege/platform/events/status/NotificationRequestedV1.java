package org.kerege.platform.events.status;

import java.util.Map;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * Asks the notification gateway to tell an applicant something (SMS to a phone, or the portal inbox of
 * a subject). Text parameters are in the applicant's language. Never carries an access code, password
 * or one-time code.
 *
 * @param notificationId unique id (aggregate id); a gateway sends each id once
 * @param recipient      an E.164 phone number, or {@code subject:<id>} for the portal inbox
 * @param language       the applicant's language, e.g. {@code ky}, {@code kk}, {@code mn}, {@code ru}, {@code en}
 * @param template       e.g. {@code application-submitted}, {@code status-changed}, {@code deadline-deferred}
 * @param params         template parameters (application number, state, next step, due date…)
 * @param reference      the application or complaint number
 */
@KeregeEvent(service = "status", aggregate = "notification", name = "notification-requested", version = 1)
public record NotificationRequestedV1(String notificationId, String recipient, String language, String template,
                                      Map<String, String> params, String reference) implements Event {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
