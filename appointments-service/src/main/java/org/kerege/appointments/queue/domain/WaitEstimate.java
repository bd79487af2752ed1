package org.kerege.appointments.queue.domain;

/**
 * Estimated wait of a ticket: the clients of the same service ahead of it, times the minutes one
 * client takes, shared among the counters that take the service. Rounded up to whole minutes.
 */
public final class WaitEstimate {

    private WaitEstimate() {
    }

    public static long minutes(int aheadOfSameService, long minutesPerClient, int counters) {
        if (aheadOfSameService <= 0) {
            return 0;
        }
        int c = Math.max(1, counters);
        return (aheadOfSameService * minutesPerClient + c - 1) / c;
    }
}
