package org.kerege.status.application.domain;

import java.time.LocalDate;

/**
 * What an event does to one clock of an application.
 *
 * @param due   the (new) due date or last valid day; null for STOP
 * @param basis the period and where it comes from, e.g. {@code 3 months (catalog)}; null for STOP
 */
public record ClockChange(String clock, ClockType type, Action action, LocalDate due, String basis) {

    public enum Action { START, STOP, RECOMPUTE }
}
