package org.kerege.appointments.queue.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A day's waiting times against the target. Source 003 (Kazakhstan): the longest permitted wait
 * depends on the queue, at 15 to 30 minutes of service per client ahead. A ticket's target is
 * therefore (clients ahead when it was issued, at least 1) × the per-client maximum.
 *
 * @param issued          tickets issued that day
 * @param called          tickets called at least once
 * @param averageWaitMinutes mean wait from issue to first call, of called tickets (0 when none)
 * @param p90WaitMinutes  90th percentile wait (nearest rank)
 * @param maxWaitMinutes  longest wait
 * @param withinTarget    called tickets whose wait was within their target
 * @param withinTargetPercent share of called tickets within target, 0-100 (100 when none called)
 */
public record WaitStats(int issued, int called, double averageWaitMinutes, double p90WaitMinutes,
                        double maxWaitMinutes, int withinTarget, double withinTargetPercent) {

    /**
     * One ticket's wait.
     *
     * @param waited         issue to first call, or null when never called
     * @param aheadAtIssue   clients of the same service ahead of it when issued
     */
    public record Sample(Duration waited, int aheadAtIssue) {
    }

    public static Duration target(int aheadAtIssue, int maxMinutesPerClient) {
        return Duration.ofMinutes((long) Math.max(1, aheadAtIssue) * maxMinutesPerClient);
    }

    public static WaitStats of(List<Sample> samples, int maxMinutesPerClient) {
        List<Double> waits = new ArrayList<>();
        int within = 0;
        for (Sample s : samples) {
            if (s.waited() == null) {
                continue;
            }
            waits.add(s.waited().toSeconds() / 60.0);
            if (s.waited().compareTo(target(s.aheadAtIssue(), maxMinutesPerClient)) <= 0) {
                within++;
            }
        }
        if (waits.isEmpty()) {
            return new WaitStats(samples.size(), 0, 0, 0, 0, 0, 100);
        }
        Collections.sort(waits);
        double avg = waits.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        int rank = (int) Math.ceil(0.9 * waits.size());
        double p90 = waits.get(Math.max(0, rank - 1));
        return new WaitStats(samples.size(), waits.size(), round(avg), round(p90), round(waits.get(waits.size() - 1)),
                within, round(100.0 * within / waits.size()));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
