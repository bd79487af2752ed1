package org.kerege.payments.webhook.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.webhook.domain.Backoff;
import org.kerege.payments.webhook.domain.SecretSealer;
import org.kerege.payments.webhook.domain.WebhookSignature;
import org.kerege.payments.webhook.persistence.WebhookStore;

/**
 * Sends due webhook deliveries: claims a batch (safe on several instances), POSTs each signed body outside
 * any transaction, and records the outcome; a failure is retried with exponential back-off until
 * {@code max-attempts}, then FAILED. Any 2xx counts as delivered.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);

    private final WebhookStore store;
    private final Clock clock;
    private final PaymentsConfig config;
    private final HttpClient http;

    public WebhookDeliverer(WebhookStore store, Clock clock, PaymentsConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhook-deliveries", every = "${kerege.payments.webhooks.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.webhooks().enabled()) {
            deliverDue();
        }
    }

    /** @return how many deliveries were attempted */
    public int deliverDue() {
        PaymentsConfig.Webhooks c = config.webhooks();
        Instant now = clock.instant();
        List<WebhookStore.Delivery> due = QuarkusTransaction.requiringNew().call(() ->
                store.claimDue(now, c.batch(), now.plus(c.timeout().multipliedBy(3))));
        for (WebhookStore.Delivery d : due) {
            attempt(d);
        }
        return due.size();
    }

    private void attempt(WebhookStore.Delivery d) {
        PaymentsConfig.Webhooks c = config.webhooks();
        WebhookStore.Hook hook;
        try {
            hook = QuarkusTransaction.requiringNew().call(() -> store.find(d.webhookId(), false).orElseThrow());
        } catch (SecretSealer.UnsealException e) {
            // Sealed with another key, or damaged: nothing is sent unsigned; retried (and logged) like any failure.
            LOG.errorf("Webhook delivery %s to subscription %s not sent: %s", d.id(), d.webhookId(), e.getMessage());
            record(d, clock.instant(), null, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        List<String> secrets = new ArrayList<>();
        secrets.add(hook.secret());
        if (hook.previousSecret() != null && hook.previousValidUntil() != null && now.isBefore(hook.previousValidUntil())) {
            secrets.add(hook.previousSecret());
        }
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(c.timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secrets, now.getEpochSecond(), d.body()))
                    .header("Kerege-Event-Id", d.eventId().toString())
                    .header("Kerege-Event-Type", d.eventType())
                    .header("Kerege-Delivery-Id", d.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        record(d, now, status, error);
    }

    /** Records an attempt: delivered when there is no error, else retried after a back-off or FAILED. */
    private void record(WebhookStore.Delivery d, Instant now, Integer status, String error) {
        PaymentsConfig.Webhooks c = config.webhooks();
        boolean delivered = error == null;
        int failures = d.attempts() + 1;
        boolean giveUp = !delivered && failures >= c.maxAttempts();
        Instant next = delivered || giveUp ? now : now.plus(Backoff.after(failures, c.firstRetry(), c.maxRetry()));
        QuarkusTransaction.requiringNew().run(() -> store.recordAttempt(d.id(), delivered, giveUp, status, error, now, next));
        if (!delivered) {
            LOG.debugf("Webhook delivery %s to subscription %s failed (attempt %d): %s", d.id(), d.webhookId(), failures, error);
        }
    }
}
