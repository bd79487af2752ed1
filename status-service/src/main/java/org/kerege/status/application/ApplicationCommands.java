package org.kerege.status.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.kerege.platform.calendar.CalendarNotKnownException;
import org.kerege.platform.calendar.WorkingCalendar;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.payments.PaymentReceivedV1;
import org.kerege.platform.events.status.ApplicationStatusChangedV1;
import org.kerege.platform.events.status.ApplicationSubmittedV1;
import org.kerege.platform.events.status.NotificationRequestedV1;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.StatusConfig;
import org.kerege.status.application.domain.AccessCode;
import org.kerege.status.application.domain.ApplicationNumber;
import org.kerege.status.application.domain.ClockChange;
import org.kerege.status.application.domain.ClockType;
import org.kerege.status.application.domain.Delivery;
import org.kerege.status.application.domain.TermDef;
import org.kerege.status.application.domain.Transition;
import org.kerege.status.application.domain.TransitionRefusedException;
import org.kerege.status.application.domain.Workflow;
import org.kerege.status.application.domain.WorkflowTable;
import org.kerege.status.application.persistence.ApplicationEntity;
import org.kerege.status.application.persistence.DeadlineEntity;
import org.kerege.status.application.persistence.FeePaymentEntity;
import org.kerege.status.application.persistence.HistoryEntity;
import org.kerege.status.catalog.domain.ReviewRule;
import org.kerege.status.catalog.persistence.ReviewRuleEntity;
import org.kerege.status.deadline.domain.DeadlineCalculator;

/**
 * Everything that changes an application: submission (talon and access code), transitions of its
 * workflow with their clocks, and the facts other services report. Each change commits with its
 * history row, its deadlines and its events (outbox) in one transaction.
 */
@ApplicationScoped
public class ApplicationCommands {

    private static final Logger LOG = Logger.getLogger(ApplicationCommands.class);

    private final WorkflowTable table = WorkflowTable.shipped();
    private final SecureRandom random = new SecureRandom();
    private final Outbox outbox;
    private final Clock clock;
    private final StatusConfig config;
    private final EntityManager em;

    public ApplicationCommands(Outbox outbox, Clock clock, StatusConfig config, EntityManager em) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.em = em;
    }

    public WorkflowTable table() {
        return table;
    }

    /** What the officer enters when accepting the documents. */
    public record NewApplication(String serviceCode, String applicantId, String applicantName, String language,
                                 String phone, List<String> documents, Map<String, String> facts, Delivery delivery,
                                 String deliveryAddress, String deliveryPhone, String bookingId) {
    }

    /** The accepting officer, from the token. */
    public record Officer(String subject, String name, String position, String office, String role) {
    }

    /** A new application and its access code (in clear only here, for the talon). */
    public record Submitted(ApplicationEntity application, String accessCode, List<DeadlineEntity> deadlines) {
    }

    public ZoneId zoneOf(String country) {
        ZoneId zone = config.zones().get(country);
        if (zone == null) {
            throw ProblemException.invalidField("serviceCode", "no office country known for this service code");
        }
        return zone;
    }

    @Transactional
    public Submitted submit(NewApplication request, Officer officer) {
        String country = ApplicationNumber.countryOf(request.serviceCode());
        ZoneId zone = zoneOf(country);
        Workflow workflow = table.forService(request.serviceCode());
        Map<String, String> facts = new LinkedHashMap<>(request.facts() == null ? Map.of() : request.facts());
        workflow.requiredFacts().forEach((name, allowed) -> {
            if (!allowed.contains(facts.get(name))) {
                throw ProblemException.invalidField("facts." + name, "must be one of " + String.join(", ", allowed));
            }
        });
        var now = clock.instant();
        long seq = ((Number) em.createNativeQuery("select nextval('application_number_seq')").getSingleResult()).longValue();
        String code = AccessCode.generate(random);
        ApplicationEntity a = new ApplicationEntity();
        a.number = ApplicationNumber.of(country, LocalDate.ofInstant(now, zone).getYear(), seq);
        a.serviceCode = request.serviceCode();
        a.kind = workflow.kind();
        a.officeId = officer.office();
        a.country = country;
        a.zone = zone.getId();
        a.state = workflow.initial();
        a.applicantId = request.applicantId();
        a.applicantName = request.applicantName();
        a.applicantLanguage = request.language();
        a.applicantPhone = request.phone();
        a.documents = List.copyOf(request.documents());
        a.facts = facts;
        a.delivery = request.delivery();
        a.deliveryAddress = request.deliveryAddress();
        a.deliveryPhone = request.deliveryPhone();
        a.bookingId = request.bookingId();
        a.officerSubject = officer.subject();
        a.officerName = officer.name();
        a.officerPosition = officer.position();
        a.accessCodeHash = AccessCode.hash(code);
        a.submittedAt = now;
        a.persist();
        history(a, "submitted", null, a.state, officer.role(), officer.subject(), List.of(), null);
        if (workflow.acceptanceEvent() != null) {
            Transition edge = workflow.edge(a.state, workflow.acceptanceEvent(), a.delivery).orElseThrow();
            apply(a, workflow, edge, officer.role(), officer.subject(), Workflow.Input.NONE, null, false);
        }
        em.flush();
        List<DeadlineEntity> deadlines = DeadlineEntity.of(a.number);
        LocalDate decisionDue = deadlines.stream().filter(d -> d.clock.equals("decision")).map(d -> d.dueDate)
                .findFirst().orElse(null);
        outbox.publish(new ApplicationSubmittedV1(a.number, a.serviceCode, a.officeId, a.kind, a.state, decisionDue, now));
        notifyApplicant(a, workflow, "application-submitted", decisionDue);
        return new Submitted(a, code, deadlines);
    }

    /**
     * Takes a workflow event on an application, as a caller with these roles.
     *
     * @throws ProblemException 404 unknown, 403 not the caller's office or role, 409 illegal from the
     *                          current state (nothing changed), 400/422 missing or invalid inputs
     */
    @Transactional
    public ApplicationEntity transition(String number, String event, Set<String> roles, String actorRole, String actor,
                                       Optional<String> officerOffice, Workflow.Input input, String note) {
        ApplicationEntity a = ApplicationEntity.findById(number, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Application", number);
        }
        if (officerOffice.isPresent() && !officerOffice.get().equals(a.officeId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "The application belongs to another office.");
        }
        Workflow workflow = table.forService(a.serviceCode);
        Transition edge;
        try {
            edge = workflow.authorize(a.state, event, roles, a.delivery, input, today(a));
        } catch (TransitionRefusedException e) {
            throw switch (e.reason()) {
                case ILLEGAL -> ProblemException.conflict("illegal-transition", "Transition not allowed",
                        e.getMessage() + "; allowed now: " + String.join(", ", workflow.nextEvents(a.state, a.delivery)));
                case ROLE_NOT_ALLOWED -> new ProblemException(403, "forbidden", "Forbidden", e.getMessage());
                case INPUT_MISSING -> ProblemException.invalidField(e.field(), e.getMessage());
                case INPUT_INVALID -> new ProblemException(422, "transition-input-invalid",
                        "The transition's input breaks a rule", e.getMessage(), Map.of(e.field(), e.getMessage()));
            };
        }
        apply(a, workflow, edge, actorRole, actor, input, note, true);
        return a;
    }

    /**
     * A payment for an application's invoice: the fee is paid and the application moves to fee-paid with
     * no officer step. Applied once per invoice: the inbox drops a redelivered event, and a second
     * distinct event for the same invoice finds the invoice already applied and changes nothing.
     *
     * @return whether the application moved
     */
    @Transactional
    public boolean feePaid(PaymentReceivedV1 payment) {
        if (payment.applicationRef() == null || !ApplicationNumber.isWellFormed(payment.applicationRef())) {
            return false;
        }
        ApplicationEntity a = ApplicationEntity.findById(payment.applicationRef(), LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            LOG.infof("Payment of invoice %s names no application of this service", payment.invoiceId());
            return false;
        }
        if (FeePaymentEntity.findById(payment.invoiceId()) != null) {
            LOG.infof("Payment of invoice %s was already applied to %s", payment.invoiceId(), a.number);
            return false;
        }
        FeePaymentEntity applied = new FeePaymentEntity();
        applied.invoiceId = payment.invoiceId();
        applied.number = a.number;
        applied.paymentId = payment.paymentId();
        applied.appliedAt = clock.instant();
        applied.persist();
        Workflow workflow = table.forService(a.serviceCode);
        Optional<Transition> edge = workflow.edge(a.state, "fee-paid", a.delivery);
        if (edge.isEmpty()) {
            LOG.infof("Application %s is %s: a payment does not move it", a.number, a.state);
            return false;
        }
        apply(a, workflow, edge.get(), "service", "payments-service", Workflow.Input.NONE,
                "invoice " + payment.paymentCode() + " paid", true);
        return true;
    }

    /** A fact that does not move the workflow but belongs to the history (e.g. the applicant checked in). */
    @Transactional
    public boolean note(String number, String event, String actor, String note) {
        ApplicationEntity a = ApplicationEntity.findById(number, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            return false;
        }
        history(a, event, a.state, a.state, "service", actor, List.of(), note);
        return true;
    }

    /** A service-reported event (certificate issued…): taken when the workflow allows it, ignored otherwise. */
    @Transactional
    public boolean serviceEvent(String number, String event, String actor, String note) {
        ApplicationEntity a = ApplicationEntity.findById(number, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            return false;
        }
        Workflow workflow = table.forService(a.serviceCode);
        Optional<Transition> edge = workflow.edge(a.state, event, a.delivery)
                .filter(t -> t.roles().contains("service"));
        if (edge.isEmpty()) {
            LOG.infof("Application %s is %s: %s does not move it", a.number, a.state, event);
            return false;
        }
        apply(a, workflow, edge.get(), "service", actor, Workflow.Input.NONE, note, true);
        return true;
    }

    private void apply(ApplicationEntity a, Workflow workflow, Transition edge, String actorRole, String actor,
                       Workflow.Input input, String note, boolean announce) {
        String from = a.state;
        LocalDate today = today(a);
        Set<String> open = DeadlineEntity.running(a.number).stream().map(d -> d.clock).collect(Collectors.toSet());
        Map<String, String> facts = new LinkedHashMap<>(a.facts);
        facts.put("service", a.serviceCode);
        List<ClockChange> changes;
        try {
            changes = workflow.clockChanges(edge.event(), today, facts, open, name -> catalogTerms(a.serviceCode,
                    today, name), WorkingCalendar.of(a.country), input);
        } catch (CalendarNotKnownException e) {
            throw ProblemException.ruleViolated("calendar-not-known", "The office's calendar is not known",
                    e.getMessage());
        }
        for (ClockChange c : changes) {
            switch (c.action()) {
                case START -> {
                    DeadlineEntity d = new DeadlineEntity();
                    d.number = a.number;
                    d.clock = c.clock();
                    d.type = c.type();
                    d.status = c.type() == ClockType.DUTY ? DeadlineEntity.Status.RUNNING : DeadlineEntity.Status.INFO;
                    d.startedOn = today;
                    d.dueDate = c.due();
                    d.basis = c.basis();
                    d.officeId = a.officeId;
                    d.serviceCode = a.serviceCode;
                    d.zone = a.zone;
                    d.persist();
                }
                case STOP -> runningClock(a.number, c.clock()).ifPresent(d -> {
                    d.status = DeadlineCalculator.inTime(d.dueDate, today) ? DeadlineEntity.Status.MET
                            : DeadlineEntity.Status.LATE;
                    d.closedOn = today;
                });
                case RECOMPUTE -> runningClock(a.number, c.clock()).ifPresent(d -> {
                    d.dueDate = c.due();
                    d.basis = c.basis();
                    d.approachingRaisedAt = null;
                    d.breachedRaisedAt = null;
                });
            }
        }
        a.state = edge.to();
        if (workflow.isTerminal(a.state)) {
            a.completedAt = clock.instant();
        }
        history(a, edge.event(), from, a.state, actorRole, actor, input.reasons(), note);
        if (announce) {
            outbox.publish(new ApplicationStatusChangedV1(a.number, a.serviceCode, a.officeId, edge.event(), from,
                    a.state, input.reasons(), clock.instant()));
            LocalDate due = changes.stream().filter(c -> c.due() != null && c.type() == ClockType.DUTY)
                    .map(ClockChange::due).findFirst().orElse(null);
            notifyApplicant(a, workflow, "status-changed", due);
        }
    }

    private static Optional<DeadlineEntity> runningClock(String number, String clock) {
        return DeadlineEntity.running(number).stream().filter(d -> d.clock.equals(clock)).findFirst();
    }

    private List<TermDef> catalogTerms(String serviceCode, LocalDate on, String name) {
        Optional<ReviewRule> rule = ReviewRule.inForce(ReviewRuleEntity.ofService(serviceCode), on);
        if (rule.isEmpty()) {
            return List.of();
        }
        var terms = name.equals("reviewWindow") ? rule.get().reviewWindows() : rule.get().resultValidity();
        return terms.stream().map(TermDef::of).toList();
    }

    public LocalDate today(ApplicationEntity a) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(a.zone));
    }

    private void history(ApplicationEntity a, String event, String from, String to, String role, String actor,
                         List<String> reasons, String note) {
        HistoryEntity h = new HistoryEntity();
        h.number = a.number;
        h.event = event;
        h.fromState = from;
        h.toState = to;
        h.actorRole = role;
        h.actor = actor;
        h.reasons = new ArrayList<>(reasons);
        h.note = note;
        h.occurredAt = clock.instant();
        h.persist();
    }

    /** Asks the gateway to tell the applicant; text in the applicant's language; never the access code. */
    private void notifyApplicant(ApplicationEntity a, Workflow workflow, String template, LocalDate due) {
        String recipient = a.applicantPhone != null ? a.applicantPhone : "subject:" + a.applicantId;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("number", a.number);
        params.put("service", a.serviceCode);
        params.put("state", a.state);
        workflow.state(a.state).ifPresent(s -> params.put("nextStep", s.nextStep(a.applicantLanguage)));
        if (due != null) {
            params.put("dueDate", due.toString());
        }
        outbox.publish(new NotificationRequestedV1(UUID.randomUUID().toString(), recipient, a.applicantLanguage,
                template, params, a.number));
    }
}
