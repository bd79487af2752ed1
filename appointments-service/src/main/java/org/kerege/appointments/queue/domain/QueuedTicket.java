package org.kerege.appointments.queue.domain;

import java.time.Instant;

/**
 * A waiting ticket as the queue rules see it.
 *
 * @param id          ticket id
 * @param serviceCode the service it is for
 * @param kind        walk-in or booked
 * @param priority    whether the visitor belongs to a priority group
 * @param dueAt       booked tickets: the slot's start; null for walk-ins
 * @param issuedAt    when it joined the queue
 */
public record QueuedTicket(String id, String serviceCode, TicketKind kind, boolean priority, Instant dueAt,
                           Instant issuedAt) {
}
