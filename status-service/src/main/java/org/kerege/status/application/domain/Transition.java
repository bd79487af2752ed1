package org.kerege.status.application.domain;

import java.util.List;

/**
 * One edge of a workflow: from any of {@code from}, the event {@code event} taken by a caller holding one of
 * {@code roles} leads to {@code to}.
 *
 * @param requires inputs the edge needs: {@code reasons} (refusal), {@code newDecisionDate} (deferral)
 * @param guard    {@code home-delivery} or {@code pick-up}: the edge exists only for that delivery choice; null: always
 */
public record Transition(List<String> from, String event, String to, List<String> roles, List<String> requires,
                         String guard) {

    public Transition {
        from = List.copyOf(from);
        roles = List.copyOf(roles);
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    public boolean requiresReasons() {
        return requires.contains("reasons");
    }

    public boolean requiresNewDecisionDate() {
        return requires.contains("newDecisionDate");
    }
}
