package org.kerege.payments.webhook.domain;

import java.util.List;

/** The event names a webhook may subscribe to (the CloudEvents names without version). */
public final class WebhookEvents {

    public static final List<String> ALL = List.of("invoice-issued", "invoice-cancelled", "payment-received",
            "invoice-expired", "payment-refunded");

    private WebhookEvents() {
    }
}
