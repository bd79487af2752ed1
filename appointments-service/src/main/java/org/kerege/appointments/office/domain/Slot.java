package org.kerege.appointments.office.domain;

import java.time.OffsetDateTime;

/** One bookable slot: start and end with the office's offset, and the places online booking may take. */
public record Slot(OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) {
}
