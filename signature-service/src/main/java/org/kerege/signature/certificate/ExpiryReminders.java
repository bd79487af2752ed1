package org.kerege.signature.certificate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.jboss.logging.Logger;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.signature.CertificateExpiringV1;
import org.kerege.signature.certificate.domain.ExpiryReminderPolicy;
import org.kerege.signature.certificate.persistence.CertificateStore;

/**
 * Raises certificate-expiring at 30, 14 and 7 days before a certificate ends. Safe with several
 * instances: a reminder is published only by the transaction that inserts its (serial, days) row,
 * and that row's primary key admits one.
 */
@ApplicationScoped
public class ExpiryReminders {

    private static final Logger LOG = Logger.getLogger(ExpiryReminders.class);

    private final CertificateStore certificates;
    private final Outbox outbox;
    private final Clock clock;

    public ExpiryReminders(CertificateStore certificates, Outbox outbox, Clock clock) {
        this.certificates = certificates;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${kerege.signature.reminders.every:1h}", delayed = "${kerege.signature.reminders.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Expiry reminders failed this time: %s", e.getMessage());
        }
    }

    /** @return how many reminders this run raised */
    public int run() {
        Instant now = clock.instant();
        int raised = 0;
        for (CertificateStore.Row row : QuarkusTransaction.requiringNew().call(() ->
                certificates.expiringBetween(now, now.plus(Duration.ofDays(30))))) {
            OptionalInt due = ExpiryReminderPolicy.due(row.notAfter(), now);
            if (due.isEmpty()) {
                continue;
            }
            int days = due.getAsInt();
            boolean published = QuarkusTransaction.requiringNew().call(() -> {
                boolean first = certificates.markReminder(row.serial(), days, now);
                for (int covered : ExpiryReminderPolicy.coveredBy(days)) {
                    if (covered != days) {
                        certificates.markReminder(row.serial(), covered, now);
                    }
                }
                if (first) {
                    outbox.publish(new CertificateExpiringV1(row.serial(), row.applicationId().toString(), row.holderType(),
                            row.maskedIdentifier(), days, row.notAfter(), now));
                }
                return first;
            });
            if (published) {
                raised++;
            }
        }
        return raised;
    }
}
