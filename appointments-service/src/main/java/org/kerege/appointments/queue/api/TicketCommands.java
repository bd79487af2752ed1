package org.kerege.appointments.queue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.appointments.office.api.BookingProblems;
import org.kerege.appointments.office.api.Offices;
import org.kerege.appointments.office.domain.Counter;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.Offering;
import org.kerege.appointments.queue.api.TicketViews.NowServing;
import org.kerege.appointments.queue.api.TicketViews.QueueEntry;
import org.kerege.appointments.queue.api.TicketViews.QueueView;
import org.kerege.appointments.queue.api.TicketViews.StatsView;
import org.kerege.appointments.queue.api.TicketViews.TicketView;
import org.kerege.appointments.queue.domain.QueueOrder;
import org.kerege.appointments.queue.domain.QueuedTicket;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.appointments.queue.domain.TicketKind;
import org.kerege.appointments.queue.domain.TicketStatus;
import org.kerege.appointments.queue.domain.WaitEstimate;
import org.kerege.appointments.queue.domain.WaitStats;
import org.kerege.appointments.queue.persistence.TicketStore;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.appointments.TicketCalledV1;
import org.kerege.platform.events.appointments.TicketIssuedV1;
import org.kerege.platform.events.appointments.TicketServedV1;
import org.kerege.platform.problem.ProblemException;

/** The queue's use cases: issue, call next, recall, served, no-show; the live queue and the day's statistics. */
@ApplicationScoped
public class TicketCommands {

    static final String ISSUE = "issue-ticket";

    private final Offices offices;
    private final TicketStore store;
    private final IdempotencyStore idempotency;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final AppointmentsConfig config;

    public TicketCommands(Offices offices, TicketStore store, IdempotencyStore idempotency, Outbox outbox,
                          ObjectMapper json, Clock clock, AppointmentsConfig config) {
        this.offices = offices;
        this.store = store;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** A walk-in ticket. */
    @Transactional
    public IdempotentAnswer issueWalkIn(String officeId, TicketViews.IssueTicketRequest request, String callerKey, String idempotencyKey) {
        String canonical = "{\"officeId\":\"" + officeId + "\",\"priority\":" + request.priority() + ",\"serviceCode\":\""
                + request.serviceCode() + "\"}";
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Replay> earlier = idempotency.claim(callerKey, ISSUE, idempotencyKey, canonical);
            if (earlier.isPresent()) {
                return IdempotentAnswer.replayOf(earlier.get());
            }
        }
        Office office = offices.require(officeId);
        offices.requireOffers(office, request.serviceCode());
        Instant now = clock.instant();
        Offering offering = offices.offering(office, request.serviceCode(), now.atZone(office.zone()).toLocalDate());
        if (!offering.policy().allowsWalkIn()) {
            throw BookingProblems.walkInNotOffered(office.id(), request.serviceCode());
        }
        Ticket ticket = issueInTransaction(office, request.serviceCode(), TicketKind.WALK_IN, request.priority(), null, null, now);
        String body;
        try {
            body = json.writeValueAsString(TicketView.of(ticket));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (idempotencyKey != null) {
            idempotency.complete(callerKey, ISSUE, idempotencyKey, 201, body, ticket.id());
        }
        return IdempotentAnswer.fresh(201, body, ticket.id());
    }

    /** Puts a ticket on the office's queue in the caller's transaction (walk-ins and check-ins). */
    public Ticket issueInTransaction(Office office, String serviceCode, TicketKind kind, boolean priority, UUID bookingId,
                                     Instant dueAt, Instant now) {
        LocalDate date = now.atZone(office.zone()).toLocalDate();
        String prefix = Ticket.prefix(kind, priority);
        int seq = store.nextSequence(office.id(), date, prefix);
        int ahead = store.waitingOfService(office.id(), date, serviceCode);
        Ticket ticket = new Ticket(UUID.randomUUID(), office.id(), office.zone(), date, Ticket.number(prefix, seq),
                serviceCode, kind, priority, bookingId, TicketStatus.WAITING, now, dueAt, ahead, null, null, 0, null);
        store.insert(ticket);
        outbox.publish(new TicketIssuedV1(ticket.id().toString(), office.id(), serviceCode, ticket.number(), date, priority,
                bookingId == null ? null : bookingId.toString(), now));
        return ticket;
    }

    /** The next ticket for a counter; empty when nobody it can serve is waiting. */
    @Transactional
    public Optional<Ticket> callNext(String officeId, String counterCode) {
        Office office = offices.require(officeId);
        Counter counter = office.counter(counterCode)
                .orElseThrow(() -> ProblemException.notFound("Counter", officeId + "/" + abbreviate(counterCode)));
        Instant now = clock.instant();
        LocalDate date = now.atZone(office.zone()).toLocalDate();
        Optional<UUID> next = store.nextFor(office.id(), date, counter.services(), counter.priority(), now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        store.call(next.get(), counter.code(), now);
        Ticket t = store.find(next.get(), false).orElseThrow();
        outbox.publish(new TicketCalledV1(t.id().toString(), office.id(), t.number(), counter.code(), 0, now));
        return Optional.of(t);
    }

    @Transactional
    public Ticket recall(String officeId, String counterCode) {
        Office office = offices.require(officeId);
        office.counter(counterCode).orElseThrow(() -> ProblemException.notFound("Counter", officeId + "/" + abbreviate(counterCode)));
        Ticket t = store.lastCalledAt(office.id(), counterCode).orElseThrow(() -> ProblemException.conflict(
                "nothing-to-recall", "No ticket is called at this counter", "Call the next ticket first."));
        store.recall(t.id());
        outbox.publish(new TicketCalledV1(t.id().toString(), office.id(), t.number(), counterCode, t.recalls() + 1,
                clock.instant()));
        return store.find(t.id(), false).orElseThrow();
    }

    /** Served or no-show: only a called ticket can be either. */
    @Transactional
    public Ticket close(UUID id, TicketStatus outcome, String officerOffice) {
        Ticket t = store.find(id, true).orElseThrow(() -> ProblemException.notFound("Ticket", id.toString()));
        if (officerOffice != null && !officerOffice.equals(t.officeId())) {
            throw ProblemException.notFound("Ticket", id.toString());
        }
        if (t.status() != TicketStatus.CALLED) {
            throw ProblemException.conflict("ticket-not-called", "The ticket is not at a counter",
                    "Only a called ticket can be marked served or no-show; this one is " + t.status() + ".");
        }
        Instant now = clock.instant();
        store.close(id, outcome, now);
        if (outcome == TicketStatus.SERVED) {
            outbox.publish(new TicketServedV1(t.id().toString(), t.officeId(), t.serviceCode(), t.number(), t.counter(),
                    t.bookingId() == null ? null : t.bookingId().toString(),
                    Duration.between(t.issuedAt(), t.calledAt()).toSeconds(), now));
        }
        return store.find(id, false).orElseThrow();
    }

    @Transactional
    public Ticket find(UUID id) {
        return store.find(id, false).orElseThrow(() -> ProblemException.notFound("Ticket", id.toString()));
    }

    @Transactional
    public QueueView queue(String officeId) {
        Office office = offices.require(officeId);
        Instant now = clock.instant();
        LocalDate date = now.atZone(office.zone()).toLocalDate();
        List<Ticket> day = store.ofDay(office.id(), date);
        Map<String, Ticket> byId = new HashMap<>();
        day.forEach(t -> byId.put(t.id().toString(), t));
        List<QueuedTicket> ordered = QueueOrder.ordered(
                day.stream().filter(t -> t.status() == TicketStatus.WAITING).map(Ticket::queued).toList(), now);
        Map<String, Integer> aheadByService = new HashMap<>();
        Map<String, Offering> offerings = new HashMap<>();
        List<QueueEntry> waiting = new ArrayList<>();
        int position = 0;
        for (QueuedTicket q : ordered) {
            position++;
            Ticket t = byId.get(q.id());
            int ahead = aheadByService.merge(q.serviceCode(), 1, Integer::sum) - 1;
            Offering offering = offerings.computeIfAbsent(q.serviceCode(), s -> offices.offering(office, s, date));
            waiting.add(new QueueEntry(q.id(), t.number(), t.serviceCode(), t.kind(), t.priority(), position,
                    WaitEstimate.minutes(ahead, offering.slotLength().toMinutes(), offering.counters()),
                    t.issuedAt().atZone(office.zone()).toOffsetDateTime()));
        }
        List<NowServing> called = day.stream().filter(t -> t.status() == TicketStatus.CALLED)
                .map(t -> new NowServing(t.number(), t.counter(), t.calledAt().atZone(office.zone()).toOffsetDateTime()))
                .toList();
        return new QueueView(office.id(), date, now.atZone(office.zone()).toOffsetDateTime(), called, waiting);
    }

    @Transactional
    public StatsView stats(String officeId, LocalDate date) {
        Office office = offices.require(officeId);
        LocalDate day = date != null ? date : clock.instant().atZone(office.zone()).toLocalDate();
        List<WaitStats.Sample> samples = store.ofDay(office.id(), day).stream()
                .map(t -> new WaitStats.Sample(t.calledAt() == null ? null : Duration.between(t.issuedAt(), t.calledAt()),
                        t.aheadAtIssue())).toList();
        int max = config.queue().targetMaxMinutesPerClient();
        WaitStats s = WaitStats.of(samples, max);
        return new StatsView(office.id(), day, s.issued(), s.called(), s.averageWaitMinutes(), s.p90WaitMinutes(),
                s.maxWaitMinutes(), s.withinTarget(), s.withinTargetPercent(), config.queue().targetMinMinutesPerClient(),
                max, "Source 003 (Kazakhstan, decree No. 1265 of 2012): the longest wait depends on the queue, at 15-30 "
                        + "minutes of service per client");
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 32 ? s.substring(0, 32) : s;
    }
}
