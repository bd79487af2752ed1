package org.kerege.appointments.queue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A queue ticket (talon) in an office's hall. */
public record Ticket(UUID id, String officeId, ZoneId zone, LocalDate localDate, String number, String serviceCode,
                     TicketKind kind, boolean priority, UUID bookingId, TicketStatus status, Instant issuedAt,
                     Instant dueAt, int aheadAtIssue, Instant calledAt, String counter, int recalls, Instant closedAt) {

    public QueuedTicket queued() {
        return new QueuedTicket(id.toString(), serviceCode, kind, priority, dueAt, issuedAt);
    }

    /** The number's prefix: A walk-in, P priority walk-in, B booked (checked in). */
    public static String prefix(TicketKind kind, boolean priority) {
        return kind == TicketKind.BOOKED ? "B" : priority ? "P" : "A";
    }

    public static String number(String prefix, int sequence) {
        return prefix + "-" + String.format("%03d", sequence);
    }
}
