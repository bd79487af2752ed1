package org.kerege.requirements.catalog.domain;

/** Unit of a {@link Term}. Working days exclude weekends and public holidays of the office's country. */
public enum TermUnit {
    MINUTES, CALENDAR_DAYS, WORKING_DAYS, MONTHS, YEARS
}
