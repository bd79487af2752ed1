package org.kerege.appointments.queue.domain;

/** How a ticket joined the queue. */
public enum TicketKind {
    /** Taken on arrival. */
    WALK_IN,
    /** A booking checked in. */
    BOOKED
}
