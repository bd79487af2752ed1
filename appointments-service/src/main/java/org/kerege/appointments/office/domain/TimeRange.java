package org.kerege.appointments.office.domain;

import java.time.LocalTime;

/** A span of local (wall-clock) time within one day, [from, to). */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a time range needs a start and an end");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range must end after it starts: " + from + "-" + to);
        }
    }

    public boolean overlaps(TimeRange other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    public boolean contains(TimeRange other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }
}
