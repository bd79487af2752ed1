package org.kerege.appointments.office.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.appointments.catalog.domain.BookingPolicy;

/** Documents of the slot listing. */
public final class SlotViews {

    private SlotViews() {
    }

    @Schema(name = "Slot")
    public record SlotView(@Schema(example = "2026-11-23T09:00+06:00") OffsetDateTime startsAt,
                           @Schema(example = "2026-11-23T09:20+06:00") OffsetDateTime endsAt,
                           @Schema(description = "Places online booking may take", example = "3") int capacity,
                           @Schema(description = "Places still free", example = "2") int remaining) {
    }

    @Schema(name = "SlotDay")
    public record DayView(@Schema(example = "2026-11-23") LocalDate date,
                          @Schema(description = "Why the office has no slots that day, or absent when open",
                                  example = "Public holiday: Independence Day") String closedReason,
                          List<SlotView> slots) {
    }

    @Schema(name = "SlotListing")
    public record SlotListing(@Schema(example = "kg-bishkek-1") String officeId,
                              @Schema(example = "kg.passport.id-card") String serviceCode,
                              @Schema(example = "Asia/Bishkek") String zone,
                              BookingPolicy bookingPolicy,
                              @Schema(example = "20") long slotMinutes,
                              @Schema(description = "Counters that take the service", example = "5") int counters,
                              @Schema(description = "Published share of each slot kept for walk-ins", example = "25") int walkInSharePercent,
                              List<DayView> days) {
    }
}
