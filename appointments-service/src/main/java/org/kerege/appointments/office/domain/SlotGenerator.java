package org.kerege.appointments.office.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts an office's days into slots of one service: within the opening hours, never inside a break,
 * never running past a break or closing time, never on a day the office is closed (not an opening
 * weekday, a public holiday of its country, a one-off closure). Times are the office's wall-clock
 * times in its zone; each slot carries the offset in force at that instant.
 */
public final class SlotGenerator {

    private SlotGenerator() {
    }

    /**
     * The days from {@code from} to {@code to} (inclusive, office-local) with their slots.
     *
     * @param notBefore slots starting before this instant are left out (the past)
     */
    public static List<DaySchedule> days(Office office, LocalDate from, LocalDate to, Duration length, int capacity,
                                         Holidays holidays, Instant notBefore) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("slot length must be positive");
        }
        List<DaySchedule> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(day(office, date, length, capacity, holidays, notBefore));
        }
        return days;
    }

    static DaySchedule day(Office office, LocalDate date, Duration length, int capacity, Holidays holidays,
                           Instant notBefore) {
        Optional<DayHours> hours = office.hoursOn(date.getDayOfWeek());
        if (hours.isEmpty()) {
            return new DaySchedule(date, "Not an opening day (" + date.getDayOfWeek() + ")", List.of());
        }
        Optional<Closure> closure = office.closures().stream().filter(c -> c.covers(date)).findFirst();
        if (closure.isPresent()) {
            return new DaySchedule(date, "Closed: " + closure.get().reason(), List.of());
        }
        Optional<String> holiday = holidays.holiday(date);
        if (holiday.isPresent()) {
            return new DaySchedule(date, "Public holiday: " + holiday.get(), List.of());
        }
        List<Slot> slots = new ArrayList<>();
        for (TimeRange interval : hours.get().serviceIntervals()) {
            LocalTime start = interval.from();
            while (true) {
                LocalTime end = start.plus(length);
                // plus() wraps around midnight: a wrapped end is not after its start.
                if (!end.isAfter(start) || end.isAfter(interval.to())) {
                    break;
                }
                ZonedDateTime s = ZonedDateTime.of(date, start, office.zone());
                ZonedDateTime e = ZonedDateTime.of(date, end, office.zone());
                if (!s.toInstant().isBefore(notBefore)) {
                    slots.add(new Slot(s.toOffsetDateTime(), e.toOffsetDateTime(), capacity));
                }
                start = end;
            }
        }
        return new DaySchedule(date, null, slots);
    }

    /** The slot starting at an instant, if the office has one there for this length. */
    public static Optional<Slot> slotAt(Office office, Instant startsAt, Duration length, int capacity,
                                        Holidays holidays) {
        LocalDate date = startsAt.atZone(office.zone()).toLocalDate();
        return day(office, date, length, capacity, holidays, Instant.MIN).slots().stream()
                .filter(s -> s.startsAt().toInstant().equals(startsAt)).findFirst();
    }
}
