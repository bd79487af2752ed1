package org.kerege.appointments.booking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.appointments.booking.domain.Booking;
import org.kerege.appointments.booking.domain.BookingStatus;

/** Documents of the booking API. */
public final class BookingViews {

    private BookingViews() {
    }

    @Schema(name = "CreateBookingRequest")
    public record CreateBookingRequest(
            @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "an office id such as kg-bishkek-1")
            @Schema(example = "kg-bishkek-1") String officeId,
            @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9.-]{1,100}", message = "a service code such as kg.passport.id-card")
            @Schema(example = "kg.passport.id-card") String serviceCode,
            @NotNull(message = "is required") @Schema(description = "Start of a slot from the slot listing, with offset",
                    example = "2026-11-23T09:20:00+06:00") OffsetDateTime startsAt,
            @Size(min = 1, max = 64, message = "1 to 64 characters") @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and - only")
            @Schema(description = "The person booked for (partner and officer only; a citizen books for the token's subject)",
                    example = "21203199001234") String personId,
            @Size(max = 64, message = "at most 64 characters")
            @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only")
            @Schema(example = "KG-2026-000417") String applicationRef) {
    }

    @Schema(name = "RescheduleRequest")
    public record RescheduleRequest(
            @NotNull(message = "is required") @Schema(description = "Start of the new slot, with offset",
                    example = "2026-11-24T10:00:00+06:00") OffsetDateTime startsAt) {
    }

    @Schema(name = "CheckInRequest")
    public record CheckInRequest(
            @Schema(description = "Whether the visitor belongs to a priority group (elderly, disabled, pregnant)") boolean priority) {
    }

    @Schema(name = "Booking")
    public record BookingView(
            @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String id,
            @Schema(description = "Typed or scanned at the office terminal to check in", example = "K7M2QX9P") String shortCode,
            @Schema(example = "kg-bishkek-1") String officeId,
            @Schema(example = "kg.passport.id-card") String serviceCode,
            @Schema(example = "2026-11-23T09:20+06:00") OffsetDateTime startsAt,
            @Schema(example = "2026-11-23T09:40+06:00") OffsetDateTime endsAt,
            BookingStatus status,
            @Schema(description = "While HELD: confirm before this", example = "2026-11-21T15:05+06:00") OffsetDateTime holdExpiresAt,
            String applicationRef,
            @Schema(description = "The queue ticket after check-in") String ticketId,
            OffsetDateTime createdAt) {

        public static BookingView of(Booking b) {
            return new BookingView(b.id().toString(), b.shortCode(), b.officeId(), b.serviceCode(),
                    b.startsAt().atZone(b.zone()).toOffsetDateTime(), b.endsAt().atZone(b.zone()).toOffsetDateTime(),
                    b.status(), b.holdExpiresAt() == null ? null : b.holdExpiresAt().atZone(b.zone()).toOffsetDateTime(),
                    b.applicationRef(), b.ticketId() == null ? null : b.ticketId().toString(),
                    b.createdAt().atZone(b.zone()).toOffsetDateTime());
        }
    }
}
