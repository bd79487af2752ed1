package org.kerege.appointments.booking.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A booking of one slot at an office for one service, by or for one person.
 *
 * @param zone the office's zone (times are shown in it)
 */
public record Booking(UUID id, String shortCode, String officeId, ZoneId zone, String serviceCode, Instant startsAt,
                      Instant endsAt, String personId, String applicationRef, BookingStatus status,
                      Instant holdExpiresAt, String bookedBy, Instant createdAt, Instant confirmedAt, Instant closedAt,
                      UUID ticketId, int reschedules) {
}
