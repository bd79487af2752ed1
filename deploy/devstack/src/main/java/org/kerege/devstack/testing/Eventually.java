package org.kerege.devstack.testing;

import java.time.Duration;

/** Waits for something asynchronous (an event applied, a relay drained) without fixed sleeps. */
public final class Eventually {

    /** An assertion that may throw until it holds. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    /** Retries {@code check} every 100 ms until it passes; rethrows its last failure after {@code timeout}. */
    public static void within(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Throwable e) {
                if (System.nanoTime() > deadline) {
                    if (e instanceof AssertionError a) {
                        throw a;
                    }
                    throw new AssertionError("Still failing after " + timeout + ": " + e, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
