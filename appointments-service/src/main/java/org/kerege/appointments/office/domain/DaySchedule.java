package org.kerege.appointments.office.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One office-local day of a slot listing.
 *
 * @param date         the office-local date
 * @param closedReason why there are no slots (e.g. {@code Weekend or not an opening day},
 *                     {@code Public holiday: Independence Day}, {@code Closed: renovation}), or null when open
 * @param slots        the slots, in order (past ones left out)
 */
public record DaySchedule(LocalDate date, String closedReason, List<Slot> slots) {
}
