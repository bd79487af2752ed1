package org.kerege.status.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.status.DeadlineApproachingV1;
import org.kerege.platform.events.status.DeadlineBreachedV1;
import org.kerege.status.StatusConfig;
import org.kerege.status.application.persistence.DeadlineEntity;

/**
 * Raises {@code deadline-approaching} and {@code deadline-breached} once each per running deadline.
 * Safe with any number of instances: each run claims its rows with {@code FOR UPDATE SKIP LOCKED} and
 * marks them raised in the same transaction as the outbox events, so two instances never raise the same
 * deadline and a crash before commit raises nothing. A recomputed (deferred) deadline is a new deadline
 * and is watched afresh.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final StatusConfig config;

    public DeadlineWatch(EntityManager em, Outbox outbox, Clock clock, StatusConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${kerege.status.watch.every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "deadline-watch")
    void tick() {
        try {
            int raised;
            do {
                raised = QuarkusTransaction.requiringNew().call(this::sweep);
            } while (raised >= config.watch().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Deadline watch run failed, retried next run: %s", e.getMessage());
        }
    }

    /** One batch: claims due rows, raises what is due in each office's zone. @return events raised */
    @SuppressWarnings("unchecked")
    public int sweep() {
        LocalDate utcToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int approachingDays = config.watch().approachingDays();
        List<DeadlineEntity> rows = em.createNativeQuery("""
                        select * from deadline
                        where status = 'RUNNING' and type = 'DUTY' and breached_raised_at is null
                          and ((approaching_raised_at is null and due_date <= ?1) or due_date < ?2)
                        order by due_date
                        limit ?3
                        for update skip locked""", DeadlineEntity.class)
                .setParameter(1, utcToday.plusDays(approachingDays + 1L))
                .setParameter(2, utcToday.plusDays(1))
                .setParameter(3, config.watch().batchSize())
                .getResultList();
        int raised = 0;
        for (DeadlineEntity d : rows) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(d.zone));
            if (d.dueDate.isBefore(today)) {
                d.breachedRaisedAt = clock.instant();
                outbox.publish(new DeadlineBreachedV1(d.number, d.clock, d.dueDate, d.serviceCode, d.officeId,
                        clock.instant()));
                raised++;
            } else if (d.approachingRaisedAt == null && !d.dueDate.minusDays(approachingDays).isAfter(today)) {
                d.approachingRaisedAt = clock.instant();
                outbox.publish(new DeadlineApproachingV1(d.number, d.clock, d.dueDate, d.serviceCode, d.officeId,
                        clock.instant()));
                raised++;
            }
        }
        return raised;
    }
}
