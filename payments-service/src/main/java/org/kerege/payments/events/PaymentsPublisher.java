package org.kerege.payments.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.kerege.payments.webhook.api.Webhooks;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.Outbox;

/** Publishes a fact through the outbox and queues its webhook deliveries, both in the caller's transaction. */
@ApplicationScoped
public class PaymentsPublisher {

    private final Outbox outbox;
    private final Webhooks webhooks;

    public PaymentsPublisher(Outbox outbox, Webhooks webhooks) {
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    public UUID publish(Event event) {
        UUID id = outbox.publish(event);
        webhooks.enqueue(event, id);
        return id;
    }
}
