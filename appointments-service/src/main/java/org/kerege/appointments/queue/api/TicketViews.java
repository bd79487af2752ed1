package org.kerege.appointments.queue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.appointments.queue.domain.TicketKind;
import org.kerege.appointments.queue.domain.TicketStatus;

/** Documents of the queue API. */
public final class TicketViews {

    private TicketViews() {
    }

    @Schema(name = "IssueTicketRequest")
    public record IssueTicketRequest(
            @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9.-]{1,100}", message = "a service code such as mn.passport.new")
            @Schema(example = "mn.passport.new") String serviceCode,
            @Schema(description = "Elderly, disabled or pregnant visitor: served first at priority counters (Mongolia: window 11)")
            boolean priority) {
    }

    @Schema(name = "Ticket")
    public record TicketView(
            String id,
            @Schema(example = "mn-ub-passport") String officeId,
            @Schema(description = "Office-local date the number belongs to", example = "2026-11-23") LocalDate localDate,
            @Schema(description = "A walk-in, P priority walk-in, B booked", example = "P-003") String number,
            @Schema(example = "mn.passport.new") String serviceCode,
            TicketKind kind,
            boolean priority,
            String bookingId,
            TicketStatus status,
            OffsetDateTime issuedAt,
            @Schema(description = "Booked tickets: the appointment's time") OffsetDateTime dueAt,
            OffsetDateTime calledAt,
            @Schema(example = "11") String counter,
            int recalls) {

        public static TicketView of(Ticket t) {
            return new TicketView(t.id().toString(), t.officeId(), t.localDate(), t.number(), t.serviceCode(), t.kind(),
                    t.priority(), t.bookingId() == null ? null : t.bookingId().toString(), t.status(),
                    at(t, t.issuedAt()), at(t, t.dueAt()), at(t, t.calledAt()), t.counter(), t.recalls());
        }

        private static OffsetDateTime at(Ticket t, java.time.Instant i) {
            return i == null ? null : i.atZone(t.zone()).toOffsetDateTime();
        }
    }

    @Schema(name = "QueueEntry")
    public record QueueEntry(String ticketId, @Schema(example = "A-004") String number, String serviceCode, TicketKind kind,
                             boolean priority, @Schema(description = "1 = next", example = "3") int position,
                             @Schema(description = "Minutes, from the clients of the same service ahead", example = "20")
                             long estimatedWaitMinutes, OffsetDateTime issuedAt) {
    }

    @Schema(name = "NowServing")
    public record NowServing(@Schema(example = "P-003") String number, @Schema(example = "11") String counter,
                             OffsetDateTime calledAt) {
    }

    @Schema(name = "Queue")
    public record QueueView(String officeId, LocalDate localDate, OffsetDateTime asOf, List<NowServing> called,
                            List<QueueEntry> waiting) {
    }

    @Schema(name = "WaitStats")
    public record StatsView(String officeId, LocalDate date,
                            @Schema(description = "Tickets issued that day") int issued,
                            @Schema(description = "Tickets called at least once") int called,
                            double averageWaitMinutes, double p90WaitMinutes, double maxWaitMinutes,
                            @Schema(description = "Called tickets whose wait stayed within (clients ahead at issue, at least 1) × the per-client maximum")
                            int withinTarget, double withinTargetPercent,
                            @Schema(example = "15") int targetMinMinutesPerClient,
                            @Schema(example = "30") int targetMaxMinutesPerClient,
                            @Schema(example = "Source 003 (Kazakhstan): 15-30 minutes of service per client in the queue")
                            String targetSource) {
    }
}
