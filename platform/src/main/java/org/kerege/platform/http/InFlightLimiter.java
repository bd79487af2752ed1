package org.kerege.platform.http;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for one service instance: at most {@code limit} ordinary requests in progress, and
 * a higher ceiling, {@code priorityLimit}, for priority requests (e.g. a citizen's status lookup), so
 * that a rush of bookings or payments is shed before the lookups are. Requests beyond the ceiling are
 * refused at once (HTTP 429 with Retry-After) instead of queueing until every caller times out.
 * Plain Java; thread-safe.
 */
public final class InFlightLimiter {

    /**
     * Ordinary requests in flight per processor when not configured. bench/load's overload at 1,000 req/s on 2 cores:
     * 4 per processor served as many work queues per second as 2 did (355 against 347) but left the event loop so
     * little CPU that every answer, 429s and status lookups included, waited 4 s (p50) to 10 s (p99); with 2 the
     * same rush got its 429s and lookups in 10 ms (p50) and under 0.8 s (p99).
     */
    public static final int PER_CORE = 2;
    /** Priority ceiling as a multiple of the ordinary limit when not configured. */
    public static final int PRIORITY_FACTOR = 4;

    private final int limit;
    private final int priorityLimit;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param limit         ordinary requests admitted at once; 0 or less admits everything
     * @param priorityLimit ceiling for priority requests, at least {@code limit}
     */
    public InFlightLimiter(int limit, int priorityLimit) {
        if (limit > 0 && priorityLimit < limit) {
            throw new IllegalArgumentException("priorityLimit " + priorityLimit + " is below limit " + limit);
        }
        this.limit = limit;
        this.priorityLimit = priorityLimit;
    }

    /**
     * The limiter for an instance with {@code processors} CPUs: the configured limits, or for those not configured
     * {@value #PER_CORE} ordinary requests per processor and a priority ceiling {@value #PRIORITY_FACTOR} times the
     * ordinary limit. A configured 0 turns shedding off.
     */
    public static InFlightLimiter forProcessors(Optional<Integer> limit, Optional<Integer> priorityLimit, int processors) {
        int ordinary = limit.orElse(PER_CORE * Math.max(1, processors));
        int priority = priorityLimit.orElse(ordinary * PRIORITY_FACTOR);
        return new InFlightLimiter(ordinary, Math.max(ordinary, priority));
    }

    /** The ordinary limit (0: shedding off). */
    public int limit() {
        return limit;
    }

    /** The ceiling for priority requests. */
    public int priorityLimit() {
        return priorityLimit;
    }

    /**
     * Admits a request if the ceiling for its kind is not reached. Every {@code true} must be matched
     * by exactly one {@link #release()}.
     */
    public boolean tryAcquire(boolean priority) {
        if (limit <= 0) {
            inFlight.incrementAndGet();
            return true;
        }
        int ceiling = priority ? priorityLimit : limit;
        while (true) {
            int current = inFlight.get();
            if (current >= ceiling) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** A request admitted by {@link #tryAcquire(boolean)} has finished. */
    public void release() {
        inFlight.decrementAndGet();
    }

    /** Requests in progress now. */
    public int inFlight() {
        return inFlight.get();
    }
}
