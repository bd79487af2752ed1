package org.kerege.payments.webhook.domain;

import java.time.Duration;

/** Exponential back-off of webhook retries: first, 2×first, 4×first, … capped at max. */
public final class Backoff {

    private Backoff() {
    }

    /** Wait after the {@code failures}-th failed attempt (1-based). */
    public static Duration after(int failures, Duration first, Duration max) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1");
        }
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
