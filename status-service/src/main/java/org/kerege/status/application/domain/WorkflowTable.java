package org.kerege.status.application.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every workflow, read from {@code workflows/workflows.json} and checked as a whole: one {@code default}
 * kind, each service code in at most one kind, every edge between known states, no edge out of a terminal
 * state, every state reachable, one edge per (state, event, delivery), clocks started and stopped only by
 * events the workflow has.
 */
public final class WorkflowTable {

    public static final String SHIPPED = "workflows/workflows.json";
    public static final String DEFAULT_KIND = "default";
    static final Set<String> ROLES = Set.of("citizen", "officer", "bank", "partner", "admin", "service");

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The file's shape. */
    public record File(String source, List<Workflow> kinds) {
    }

    private final List<Workflow> kinds;
    private final Map<String, Workflow> byService = new HashMap<>();
    private final Workflow fallback;

    private WorkflowTable(List<Workflow> kinds) {
        List<String> errors = validate(kinds);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("workflows invalid: " + String.join("; ", errors));
        }
        this.kinds = List.copyOf(kinds);
        this.fallback = kinds.stream().filter(k -> k.kind().equals(DEFAULT_KIND)).findFirst().orElseThrow();
        kinds.forEach(k -> k.services().forEach(s -> byService.put(s, k)));
    }

    public static WorkflowTable of(List<Workflow> kinds) {
        return new WorkflowTable(kinds);
    }

    public static WorkflowTable shipped() {
        try (InputStream in = WorkflowTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " not on the classpath");
            }
            return of(JSON.readValue(in, File.class).kinds());
        } catch (IOException e) {
            throw new IllegalStateException(SHIPPED + " unreadable: " + e.getMessage(), e);
        }
    }

    public static WorkflowTable parse(String json) {
        try {
            return of(JSON.readValue(json, File.class).kinds());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage(), e);
        }
    }

    public List<Workflow> kinds() {
        return kinds;
    }

    /** The workflow of a service: the kind listing its code, else the default kind. */
    public Workflow forService(String serviceCode) {
        return byService.getOrDefault(serviceCode, fallback);
    }

    public Optional<Workflow> kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst();
    }

    static List<String> validate(List<Workflow> kinds) {
        List<String> errors = new ArrayList<>();
        if (kinds == null || kinds.stream().noneMatch(k -> DEFAULT_KIND.equals(k.kind()))) {
            errors.add("no '" + DEFAULT_KIND + "' kind");
            return errors;
        }
        Set<String> names = new HashSet<>();
        Set<String> services = new HashSet<>();
        for (Workflow w : kinds) {
            String k = w.kind();
            if (!names.add(k)) {
                errors.add("kind " + k + " twice");
            }
            for (String s : w.services()) {
                if (!services.add(s)) {
                    errors.add("service " + s + " in two kinds");
                }
            }
            Set<String> states = new HashSet<>();
            for (StateDef s : w.states()) {
                if (!states.add(s.name())) {
                    errors.add(k + ": state " + s.name() + " twice");
                }
                if (s.nextStep().get("en") == null) {
                    errors.add(k + ": state " + s.name() + " has no English next step");
                }
            }
            if (!states.contains(w.initial())) {
                errors.add(k + ": initial state " + w.initial() + " unknown");
            }
            Set<String> events = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (Transition t : w.transitions()) {
                events.add(t.event());
                if (!states.contains(t.to())) {
                    errors.add(k + ": " + t.event() + " leads to unknown state " + t.to());
                }
                if (t.roles().isEmpty() || !ROLES.containsAll(t.roles())) {
                    errors.add(k + ": " + t.event() + " has unknown or no roles " + t.roles());
                }
                if (!Set.of("reasons", "newDecisionDate").containsAll(t.requires())) {
                    errors.add(k + ": " + t.event() + " requires unknown inputs " + t.requires());
                }
                if (t.guard() != null && !Set.of("pick-up", "home-delivery").contains(t.guard())) {
                    errors.add(k + ": " + t.event() + " has unknown guard " + t.guard());
                }
                if (t.requiresNewDecisionDate() && w.minimumDeferral() == null) {
                    errors.add(k + ": " + t.event() + " defers but the kind has no minimumDeferral");
                }
                for (String f : t.from()) {
                    if (!states.contains(f)) {
                        errors.add(k + ": " + t.event() + " leaves unknown state " + f);
                    } else if (w.isTerminal(f)) {
                        errors.add(k + ": " + t.event() + " leaves terminal state " + f);
                    }
                    for (String g : t.guard() == null ? List.of("pick-up", "home-delivery") : List.of(t.guard())) {
                        if (!seen.add(f + "|" + t.event() + "|" + g)) {
                            errors.add(k + ": two edges for " + t.event() + " from " + f + " (" + g + ")");
                        }
                    }
                }
            }
            if (w.acceptanceEvent() != null && w.transitions().stream().noneMatch(
                    t -> t.event().equals(w.acceptanceEvent()) && t.from().contains(w.initial()))) {
                errors.add(k + ": acceptance event " + w.acceptanceEvent() + " does not leave " + w.initial());
            }
            for (StateDef s : w.states()) {
                boolean leaves = w.transitions().stream().anyMatch(t -> t.from().contains(s.name()));
                if (!s.terminal() && !leaves) {
                    errors.add(k + ": non-terminal state " + s.name() + " has no way out");
                }
            }
            Set<String> reached = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(w.initial()));
            while (!todo.isEmpty()) {
                String s = todo.pop();
                if (reached.add(s)) {
                    w.transitions().stream().filter(t -> t.from().contains(s)).forEach(t -> todo.push(t.to()));
                }
            }
            for (String s : states) {
                if (!reached.contains(s)) {
                    errors.add(k + ": state " + s + " unreachable from " + w.initial());
                }
            }
            Set<String> clockNames = new HashSet<>();
            for (ClockDef c : w.clocks()) {
                if (!clockNames.add(c.name())) {
                    errors.add(k + ": clock " + c.name() + " twice");
                }
                List<String> used = new ArrayList<>(c.startsOn());
                used.addAll(c.stopsOn());
                if (c.recomputedOn() != null) {
                    used.add(c.recomputedOn());
                    boolean defers = w.transitions().stream()
                            .anyMatch(t -> t.event().equals(c.recomputedOn()) && t.requiresNewDecisionDate());
                    if (!defers) {
                        errors.add(k + ": clock " + c.name() + " recomputed on " + c.recomputedOn()
                                + " which gives no new date");
                    }
                }
                for (String e : used) {
                    if (!events.contains(e)) {
                        errors.add(k + ": clock " + c.name() + " names unknown event " + e);
                    }
                }
                if (c.catalogTerm() != null && !Set.of("reviewWindow", "resultValidity").contains(c.catalogTerm())) {
                    errors.add(k + ": clock " + c.name() + " has unknown catalog term " + c.catalogTerm());
                }
            }
            for (Map.Entry<String, List<String>> f : w.requiredFacts().entrySet()) {
                if (f.getValue() == null || f.getValue().isEmpty()) {
                    errors.add(k + ": required fact " + f.getKey() + " has no allowed values");
                }
            }
        }
        return errors;
    }
}
