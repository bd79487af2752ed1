package org.kerege.status.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.StatusConfig;
import org.kerege.status.application.lookup.PublicStatusCache;

/**
 * Throttles guessing of access codes: failed lookups are counted per application number and per client
 * address in fixed windows, in the database so that every instance sees the same counts. Over the limit
 * a lookup is refused with 429 and Retry-After before the code is even checked.
 */
@ApplicationScoped
public class LookupThrottle {

    private final EntityManager em;
    private final Clock clock;
    private final StatusConfig config;
    private final PublicStatusCache answers;

    public LookupThrottle(EntityManager em, Clock clock, StatusConfig config, PublicStatusCache answers) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.answers = answers;
    }

    /** @param number a well-formed application number, or null @throws ProblemException 429 when the number or the client has used up its failures in this window */
    public void check(String number, String client) {
        Instant now = clock.instant();
        Duration window = config.lookup().window();
        long retryAfter = Math.max(number == null ? 0
                : blockedFor(PublicStatusCache.numberKey(number), config.lookup().maxFailuresPerNumber(), now, window),
                blockedFor(PublicStatusCache.clientKey(client), config.lookup().maxFailuresPerClient(), now, window));
        if (retryAfter > 0) {
            throw new TooManyLookups(retryAfter);
        }
    }

    /**
     * Counts a failed lookup, in its own transaction so that the 404 that follows does not undo it. A number or a
     * client that reaches its limit is also blocked at once in this instance's in-memory answers (the others learn
     * it from the database's notification).
     */
    public void failed(String number, String client) {
        Instant now = clock.instant();
        Duration window = config.lookup().window();
        QuarkusTransaction.requiringNew().run(() -> {
            if (number != null) {
                count(PublicStatusCache.numberKey(number), config.lookup().maxFailuresPerNumber(), now, window);
            }
            count(PublicStatusCache.clientKey(client), config.lookup().maxFailuresPerClient(), now, window);
        });
    }

    private long blockedFor(String key, int max, Instant now, Duration window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select window_start, failures from lookup_throttle where key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Instant start = toInstant(rows.get(0)[0]);
        int failures = ((Number) rows.get(0)[1]).intValue();
        Instant end = start.plus(window);
        if (failures < max || !end.isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, end).toSeconds());
    }

    private void count(String key, int max, Instant now, Duration window) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        insert into lookup_throttle (key, window_start, failures) values (?1, ?2, 1)
                        on conflict (key) do update set
                          failures = case when lookup_throttle.window_start <= ?3 then 1 else lookup_throttle.failures + 1 end,
                          window_start = case when lookup_throttle.window_start <= ?3 then ?2 else lookup_throttle.window_start end
                        returning window_start, failures""")
                .setParameter(1, key).setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.minus(window))).getSingleResult();
        if (((Number) row[1]).intValue() >= max) {
            answers.block(key, toInstant(row[0]).plus(window), now);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** 429 with the seconds to wait. */
    public static final class TooManyLookups extends ProblemException {
        private final long retryAfterSeconds;

        TooManyLookups(long retryAfterSeconds) {
            super(429, "too-many-lookups", "Too many failed lookups",
                    "Too many wrong access codes; try again in " + retryAfterSeconds + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
