package org.kerege.status.application.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.status.application.domain.Delivery;
import org.kerege.status.application.domain.Workflow;
import org.kerege.status.application.persistence.ApplicationEntity;
import org.kerege.status.application.persistence.DeadlineEntity;
import org.kerege.status.application.persistence.HistoryEntity;

/** What the applications API answers. */
public final class Views {

    private Views() {
    }

    /** A legal clock: a duty's due date (RUNNING, MET, LATE) or a result's last valid day (INFO). */
    public record DueDate(@Schema(example = "decision") String clock, String type, String status,
                          @Schema(example = "2027-03-01") LocalDate dueDate, String basis, LocalDate closedOn) {
        static DueDate of(DeadlineEntity d) {
            return new DueDate(d.clock, d.type.name(), d.status.name(), d.dueDate, d.basis, d.closedOn);
        }
    }

    /** One step of the history, as the applicant sees it (no officer identities). */
    public record Step(@Schema(example = "registered") String event, @Schema(example = "REGISTERED") String state,
                       OffsetDateTime at, List<String> reasons) {
    }

    /** One step of the history, as the office sees it. */
    public record FullStep(String event, String fromState, String toState, String actorRole, String actor,
                           List<String> reasons, String note, OffsetDateTime at) {
    }

    /** What the applicant sees: status, history, due dates, next step. No name, phone or address. */
    public record Status(@Schema(example = "KZ-2026-000123") String number,
                         @Schema(example = "kz.refugee.grant") String serviceCode,
                         @Schema(example = "REGISTERED") String state, boolean finished,
                         @Schema(example = "Your petition is registered; the decision is due within 3 months.") String nextStep,
                         Delivery delivery, OffsetDateTime submittedAt, List<DueDate> dueDates, List<Step> history) {
    }

    public record Applicant(String id, String name, String language, String phone) {
    }

    public record DeliveryDetails(Delivery choice, String address, String phone) {
    }

    public record Officer(@Schema(example = "Dana Serikova") String name,
                          @Schema(example = "Senior inspector, migration police") String position) {
    }

    /** What the office (and the applicant with their own token) sees. */
    public record Full(String number, String serviceCode, String kind, String officeId, String state, boolean finished,
                       String nextStep, List<String> allowedEvents, Applicant applicant, List<String> documents,
                       Map<String, String> facts, DeliveryDetails delivery, String bookingId, Officer acceptedBy,
                       OffsetDateTime submittedAt, OffsetDateTime completedAt, List<DueDate> dueDates,
                       List<FullStep> history) {
    }

    /**
     * The acceptance talon (003 annex 3): number, applicant, accepted documents, officer's name and position,
     * date and time in the office's zone; plus the access code, shown this once and never again.
     */
    public record Talon(@Schema(example = "KZ-2026-000123") String number,
                        @Schema(example = "kz.refugee.grant") String serviceCode,
                        @Schema(example = "REGISTERED") String state, Applicant applicant, List<String> documents,
                        Officer acceptedBy, @Schema(example = "2026-11-23T10:15:00+05:00") OffsetDateTime acceptedAt,
                        @Schema(example = "Asia/Almaty") String zone, DeliveryDetails delivery,
                        @Schema(example = "7KQ2-M4XD-6PLA-3BZT",
                                description = "Shown once. With the number it opens the public status lookup.")
                        String accessCode, List<DueDate> dueDates) {
    }

    /** One line of an officer's work queue. */
    public record QueueItem(String number, String serviceCode, String state, String clock, LocalDate dueDate,
                            boolean overdue, OffsetDateTime submittedAt) {
    }

    static OffsetDateTime at(Instant instant, String zone) {
        return instant == null ? null : instant.atZone(ZoneId.of(zone)).toOffsetDateTime();
    }

    static List<DueDate> dueDates(String number) {
        return DeadlineEntity.of(number).stream().map(DueDate::of).toList();
    }

    static Status status(ApplicationEntity a, Workflow w, String language) {
        List<Step> steps = HistoryEntity.of(a.number).stream()
                .map(h -> new Step(h.event, h.toState, at(h.occurredAt, a.zone), h.reasons)).toList();
        String next = w.state(a.state).map(s -> s.nextStep(language)).orElse(null);
        return new Status(a.number, a.serviceCode, a.state, w.isTerminal(a.state), next, a.delivery,
                at(a.submittedAt, a.zone), dueDates(a.number), steps);
    }

    static Full full(ApplicationEntity a, Workflow w, String language) {
        List<FullStep> steps = HistoryEntity.of(a.number).stream().map(h -> new FullStep(h.event, h.fromState,
                h.toState, h.actorRole, h.actor, h.reasons, h.note, at(h.occurredAt, a.zone))).toList();
        String next = w.state(a.state).map(s -> s.nextStep(language)).orElse(null);
        return new Full(a.number, a.serviceCode, a.kind, a.officeId, a.state, w.isTerminal(a.state), next,
                w.nextEvents(a.state, a.delivery),
                new Applicant(a.applicantId, a.applicantName, a.applicantLanguage, a.applicantPhone), a.documents,
                a.facts, new DeliveryDetails(a.delivery, a.deliveryAddress, a.deliveryPhone), a.bookingId,
                new Officer(a.officerName, a.officerPosition), at(a.submittedAt, a.zone), at(a.completedAt, a.zone),
                dueDates(a.number), steps);
    }
}
