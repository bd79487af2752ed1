package org.kerege.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    @Test
    void unconfigured_limits_follow_the_processors() {
        InFlightLimiter two = InFlightLimiter.forProcessors(Optional.empty(), Optional.empty(), 2);
        assertEquals(4, two.limit(), "2 ordinary requests per processor");
        assertEquals(16, two.priorityLimit(), "priority ceiling 4 times the ordinary limit");
        InFlightLimiter sixteen = InFlightLimiter.forProcessors(Optional.empty(), Optional.empty(), 16);
        assertEquals(32, sixteen.limit());
        assertEquals(128, sixteen.priorityLimit());
        assertEquals(2, InFlightLimiter.forProcessors(Optional.empty(), Optional.empty(), 0).limit(),
                "at least one processor is assumed");
    }

    @Test
    void configured_limits_win_and_the_priority_ceiling_is_never_below_the_ordinary_limit() {
        InFlightLimiter set = InFlightLimiter.forProcessors(Optional.of(300), Optional.of(600), 2);
        assertEquals(300, set.limit());
        assertEquals(600, set.priorityLimit());
        assertEquals(1200, InFlightLimiter.forProcessors(Optional.of(300), Optional.empty(), 2).priorityLimit());
        assertEquals(50, InFlightLimiter.forProcessors(Optional.of(50), Optional.of(10), 2).priorityLimit());
    }

    @Test
    void zero_turns_shedding_off() {
        InFlightLimiter off = InFlightLimiter.forProcessors(Optional.of(0), Optional.empty(), 2);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(off.tryAcquire(false));
        }
    }

    @Test
    void ordinary_requests_are_refused_at_the_limit_and_priority_ones_only_at_their_ceiling() {
        InFlightLimiter limiter = new InFlightLimiter(2, 3);
        assertTrue(limiter.tryAcquire(false));
        assertTrue(limiter.tryAcquire(false));
        assertFalse(limiter.tryAcquire(false), "third ordinary request is shed");
        assertTrue(limiter.tryAcquire(true), "a status lookup still gets in");
        assertFalse(limiter.tryAcquire(true), "but not beyond its ceiling");
        limiter.release();
        assertTrue(limiter.tryAcquire(true));
        assertEquals(3, limiter.inFlight());
    }

    @Test
    void a_released_place_is_available_again_at_once() {
        InFlightLimiter limiter = new InFlightLimiter(1, 1);
        assertTrue(limiter.tryAcquire(false));
        assertFalse(limiter.tryAcquire(false));
        limiter.release();
        assertTrue(limiter.tryAcquire(false));
    }

    @Test
    void zero_admits_everything() {
        InFlightLimiter limiter = new InFlightLimiter(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.tryAcquire(false));
        }
    }

    @Test
    void a_priority_ceiling_below_the_limit_is_a_configuration_error() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimiter(10, 5));
    }

    @Test
    void never_admits_more_than_the_limit_under_contention() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(8, 8);
        AtomicInteger max = new AtomicInteger();
        AtomicInteger current = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 32; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    if (limiter.tryAcquire(false)) {
                        max.accumulateAndGet(current.incrementAndGet(), Math::max);
                        current.decrementAndGet();
                        limiter.release();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(max.get() <= 8, "max in flight was " + max.get());
        assertEquals(0, limiter.inFlight());
    }
}
