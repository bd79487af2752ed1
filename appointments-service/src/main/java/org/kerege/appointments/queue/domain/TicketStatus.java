package org.kerege.appointments.queue.domain;

/** Where a ticket stands: waiting, called to a counter, then served or not turned up. */
public enum TicketStatus {
    WAITING, CALLED, SERVED, NO_SHOW
}
