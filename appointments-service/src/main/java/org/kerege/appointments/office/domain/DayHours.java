package org.kerege.appointments.office.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When an office is open on one weekday: from {@code opens} to {@code closes}, minus its breaks
 * (lunch). Local times in the office's zone.
 */
public record DayHours(DayOfWeek day, LocalTime opens, LocalTime closes, List<TimeRange> breaks) {

    public DayHours {
        if (day == null) {
            throw new IllegalArgumentException("a day is required");
        }
        TimeRange open = new TimeRange(opens, closes);
        breaks = breaks == null ? List.of() : breaks.stream().sorted(Comparator.comparing(TimeRange::from)).toList();
        for (int i = 0; i < breaks.size(); i++) {
            TimeRange b = breaks.get(i);
            if (!open.contains(b)) {
                throw new IllegalArgumentException("the break " + b.from() + "-" + b.to() + " on " + day
                        + " is not within the opening hours " + opens + "-" + closes);
            }
            if (i > 0 && breaks.get(i - 1).overlaps(b)) {
                throw new IllegalArgumentException("breaks overlap on " + day);
            }
        }
    }

    /** The spans the office serves in: opening hours with the breaks cut out, in order. */
    public List<TimeRange> serviceIntervals() {
        List<TimeRange> intervals = new ArrayList<>();
        LocalTime cursor = opens;
        for (TimeRange b : breaks) {
            if (cursor.isBefore(b.from())) {
                intervals.add(new TimeRange(cursor, b.from()));
            }
            cursor = b.to();
        }
        if (cursor.isBefore(closes)) {
            intervals.add(new TimeRange(cursor, closes));
        }
        return intervals;
    }
}
