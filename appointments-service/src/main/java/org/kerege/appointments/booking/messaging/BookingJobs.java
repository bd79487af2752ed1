package org.kerege.appointments.booking.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.appointments.booking.api.RateLimiter;
import org.kerege.appointments.booking.domain.Booking;
import org.kerege.appointments.booking.persistence.BookingStore;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.appointments.AppointmentNoShowV1;

/**
 * Releases holds that ran out and records no-shows. Every instance runs it; the rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the work and never handle a row twice.
 */
@ApplicationScoped
public class BookingJobs {

    private static final Logger LOG = Logger.getLogger(BookingJobs.class);

    private final BookingStore store;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final Clock clock;
    private final AppointmentsConfig config;

    public BookingJobs(BookingStore store, RateLimiter rateLimiter, Outbox outbox, Clock clock, AppointmentsConfig config) {
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${kerege.appointments.jobs.every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            Instant now = clock.instant();
            int expired = expireHolds(now);
            int noShows = markNoShows(now);
            rateLimiter.prune();
            if (expired + noShows > 0) {
                LOG.infof("Released %d expired holds, recorded %d no-shows", expired, noShows);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Booking jobs failed this round: %s", e.getMessage());
        }
    }

    @Transactional
    public int expireHolds(Instant now) {
        return store.expireHolds(now, config.jobs().batchSize());
    }

    /** Confirmed bookings not checked in by start + grace become no-shows (announced). */
    @Transactional
    public int markNoShows(Instant now) {
        int n = 0;
        for (Booking b : store.markNoShows(now.minus(config.checkIn().grace()), now, config.jobs().batchSize())) {
            outbox.publish(new AppointmentNoShowV1(b.id().toString(), b.officeId(), b.serviceCode(), b.startsAt(),
                    b.applicationRef(), now));
            n++;
        }
        return n;
    }
}
