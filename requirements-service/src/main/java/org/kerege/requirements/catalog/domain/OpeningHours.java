package org.kerege.requirements.catalog.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * Office hours stated by a source (public holidays are closed unless stated otherwise).
 *
 * @param days        open days
 * @param opens       opening time
 * @param closes      closing time
 * @param breakStarts lunch break start, or null
 * @param breakEnds   lunch break end, or null
 * @param note        e.g. "except weekends and public holidays"
 */
public record OpeningHours(List<DayOfWeek> days, LocalTime opens, LocalTime closes, LocalTime breakStarts,
                           LocalTime breakEnds, LocalizedText note) {

    public OpeningHours {
        days = days == null ? List.of() : List.copyOf(days);
        note = note == null ? LocalizedText.EMPTY : note;
    }
}
