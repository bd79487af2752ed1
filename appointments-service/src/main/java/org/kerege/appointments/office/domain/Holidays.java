package org.kerege.appointments.office.domain;

import java.time.LocalDate;
import java.util.Optional;

/** Public holidays of an office's country (the platform's WorkingCalendar in production). */
@FunctionalInterface
public interface Holidays {

    /** The holiday's name when the date is a public holiday or a moved day off. */
    Optional<String> holiday(LocalDate date);

    Holidays NONE = date -> Optional.empty();
}
