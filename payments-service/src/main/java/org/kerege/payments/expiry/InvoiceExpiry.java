package org.kerege.payments.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.payment.messaging.PaymentMessages;
import org.kerege.payments.payment.persistence.PaymentStore;
import org.kerege.platform.events.Outbox;

/**
 * Marks unpaid invoices past their expiry EXPIRED and announces invoice-expired, in batches of one
 * transaction each. Safe with several instances: each batch locks its rows with {@code for update skip
 * locked}, so two instances never take the same invoice, and a bank payment racing the expiry either
 * commits first (the invoice is PAID and not selected) or finds it EXPIRED.
 */
@ApplicationScoped
public class InvoiceExpiry {

    private static final Logger LOG = Logger.getLogger(InvoiceExpiry.class);

    private final PaymentStore store;
    private final Outbox outbox;
    private final org.kerege.payments.events.PaymentsPublisher publisher;
    private final Clock clock;
    private final PaymentsConfig config;

    public InvoiceExpiry(PaymentStore store, Outbox outbox, Clock clock, PaymentsConfig config,
            org.kerege.payments.events.PaymentsPublisher publisher) {
        this.publisher = publisher;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "invoice-expiry", every = "${kerege.payments.expiry.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.expiry().enabled()) {
            expireDue();
        }
    }

    /** Expires everything due now. @return how many invoices this call expired */
    public int expireDue() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += batch;
        } while (batch == config.expiry().batch());
        if (total > 0) {
            LOG.infof("Expired %d unpaid invoices", total);
        }
        return total;
    }

    private int expireBatch() {
        Instant now = clock.instant();
        List<PaymentStore.Expired> expired = store.expireDue(now, config.expiry().batch());
        for (PaymentStore.Expired e : expired) {
            publisher.publish(PaymentMessages.expired(e, now));
        }
        return expired.size();
    }
}
