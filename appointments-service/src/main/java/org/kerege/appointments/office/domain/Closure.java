package org.kerege.appointments.office.domain;

import java.time.LocalDate;

/** A one-off closure of an office, office-local dates inclusive. */
public record Closure(Long id, LocalDate from, LocalDate to, String reason) {

    public Closure {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a closure needs dates from <= to");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
