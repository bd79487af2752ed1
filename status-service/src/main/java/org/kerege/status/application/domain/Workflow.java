package org.kerege.status.application.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kerege.platform.calendar.WorkingCalendar;
import org.kerege.status.application.domain.TransitionRefusedException.Reason;
import org.kerege.status.deadline.domain.DeadlineCalculator;
import org.kerege.status.deadline.domain.Period;

/**
 * The state machine of one kind of service, read from {@code workflows/workflows.json}: states, edges
 * (each naming its event and the roles allowed to take it) and the legal clocks those events start,
 * stop or recompute. Plain data plus the two rules that read it: {@link #authorize} and {@link #clockChanges}.
 *
 * @param services        service codes of this kind; the {@code default} kind takes every other code
 * @param acceptanceEvent the event taken when the officer accepts the documents (talon handed over)
 * @param minimumDeferral how far a deferral postpones the decision at least, or null when the kind has none
 * @param requiredFacts   facts an application must carry, with their allowed values (e.g. procedure)
 */
public record Workflow(String kind, String description, List<String> services, String initial, String acceptanceEvent,
                       List<StateDef> states, List<Transition> transitions, List<ClockDef> clocks,
                       List<RefusalGround> refusalGrounds, Period minimumDeferral,
                       Map<String, List<String>> requiredFacts) {

    public Workflow {
        services = services == null ? List.of() : List.copyOf(services);
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        refusalGrounds = refusalGrounds == null ? List.of() : List.copyOf(refusalGrounds);
        requiredFacts = requiredFacts == null ? Map.of() : Map.copyOf(requiredFacts);
    }

    /** What a transition request carries besides its event. */
    public record Input(List<String> reasons, LocalDate newDecisionDate) {
        public static final Input NONE = new Input(List.of(), null);

        public Input {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    public Optional<StateDef> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean isTerminal(String state) {
        return state(state).map(StateDef::terminal).orElse(false);
    }

    /** The edge an event takes from a state for this delivery choice, if any. */
    public Optional<Transition> edge(String from, String event, Delivery delivery) {
        return transitions.stream()
                .filter(t -> t.event().equals(event) && t.from().contains(from))
                .filter(t -> t.guard() == null || t.guard().equals(delivery.guardName()))
                .findFirst();
    }

    /** The events that can be taken from a state, in file order. */
    public List<String> nextEvents(String from, Delivery delivery) {
        return transitions.stream().filter(t -> t.from().contains(from))
                .filter(t -> t.guard() == null || t.guard().equals(delivery.guardName()))
                .map(Transition::event).distinct().toList();
    }

    /**
     * Checks a transition: the edge exists, the caller holds an allowed role, and the inputs it needs are
     * there and valid.
     *
     * @param today the day of the request in the office's zone (a deferral is counted from it)
     * @throws TransitionRefusedException ILLEGAL (no such edge from this state), ROLE_NOT_ALLOWED,
     *                                    INPUT_MISSING or INPUT_INVALID
     */
    public Transition authorize(String from, String event, Collection<String> callerRoles, Delivery delivery,
                                Input input, LocalDate today) {
        Transition edge = edge(from, event, delivery).orElseThrow(() -> new TransitionRefusedException(Reason.ILLEGAL,
                null, "'" + event + "' cannot be taken from " + from + " (" + kind + " workflow)"));
        if (edge.roles().stream().noneMatch(callerRoles::contains)) {
            throw new TransitionRefusedException(Reason.ROLE_NOT_ALLOWED, null,
                    "'" + event + "' is taken only by " + String.join(", ", edge.roles()));
        }
        if (edge.requiresReasons()) {
            if (input.reasons().isEmpty() || input.reasons().stream().anyMatch(r -> r == null || r.isBlank())) {
                throw new TransitionRefusedException(Reason.INPUT_MISSING, "reasons", "a refusal states its reasons");
            }
            if (!refusalGrounds.isEmpty()) {
                Set<String> codes = Set.copyOf(refusalGrounds.stream().map(RefusalGround::code).toList());
                for (String r : input.reasons()) {
                    if (!codes.contains(r)) {
                        throw new TransitionRefusedException(Reason.INPUT_INVALID, "reasons",
                                "'" + r + "' is not a refusal ground of this service; known: " + String.join(", ", codes));
                    }
                }
            }
        }
        if (edge.requiresNewDecisionDate()) {
            if (input.newDecisionDate() == null) {
                throw new TransitionRefusedException(Reason.INPUT_MISSING, "newDecisionDate",
                        "a deferral gives the new decision date");
            }
            LocalDate earliest = DeadlineCalculator.earliestAfterDeferral(today, minimumDeferral);
            if (input.newDecisionDate().isBefore(earliest)) {
                throw new TransitionRefusedException(Reason.INPUT_INVALID, "newDecisionDate",
                        "a deferral postpones the decision by at least " + minimumDeferral + ": not before " + earliest);
            }
        }
        return edge;
    }

    /**
     * What an event taken on {@code on} does to the clocks.
     *
     * @param facts        the application's facts ({@code service}, {@code procedure}, …) for term conditions
     * @param openClocks   the clocks currently running on the application
     * @param catalogTerms the catalog's terms in force on {@code on} by name ({@code reviewWindow},
     *                     {@code resultValidity}); an empty list when the catalog states none
     */
    public List<ClockChange> clockChanges(String event, LocalDate on, Map<String, String> facts, Set<String> openClocks,
                                          Function<String, List<TermDef>> catalogTerms, WorkingCalendar calendar,
                                          Input input) {
        List<ClockChange> changes = new ArrayList<>();
        for (ClockDef clock : clocks) {
            boolean open = openClocks.contains(clock.name());
            if (open && clock.stopsOn().contains(event)) {
                changes.add(new ClockChange(clock.name(), clock.type(), ClockChange.Action.STOP, null, null));
            } else if (open && event.equals(clock.recomputedOn())) {
                changes.add(new ClockChange(clock.name(), clock.type(), ClockChange.Action.RECOMPUTE,
                        input.newDecisionDate(), "deferred to " + input.newDecisionDate()));
            } else if (!open && clock.startsOn().contains(event)) {
                Optional<TermDef> term = termOf(clock, facts, catalogTerms);
                if (term.isPresent()) {
                    Period period = term.get().period();
                    LocalDate due = clock.type() == ClockType.VALIDITY
                            ? DeadlineCalculator.validUntil(on, period, calendar)
                            : DeadlineCalculator.due(on, period, clock.endRule(), calendar);
                    changes.add(new ClockChange(clock.name(), clock.type(), ClockChange.Action.START, due,
                            period + " (" + term.get().source() + ")"));
                }
            }
        }
        return changes;
    }

    /** The term of a clock: the catalog's when it states a matching one, else the file's; none when neither does. */
    static Optional<TermDef> termOf(ClockDef clock, Map<String, String> facts,
                                    Function<String, List<TermDef>> catalogTerms) {
        if (clock.catalogTerm() != null) {
            List<TermDef> fromCatalog = catalogTerms.apply(clock.catalogTerm());
            Optional<TermDef> match = fromCatalog.stream().filter(t -> Conditions.matches(t.condition(), facts))
                    .filter(t -> t.unit() != org.kerege.status.catalog.domain.Term.Unit.MINUTES).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return clock.terms().stream().filter(t -> Conditions.matches(t.condition(), facts)).findFirst();
    }
}
