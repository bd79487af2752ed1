package org.kerege.status.application.domain;

import java.util.List;
import org.kerege.status.deadline.domain.EndRule;

/**
 * A legal clock of a kind of service.
 *
 * @param name        e.g. {@code decision}, {@code deferral-notice}, {@code hand-over}, {@code validity}
 * @param type        duty (watched, can be breached) or validity
 * @param startsOn    events that start it (the event's date is the trigger; the period starts the next day)
 * @param stopsOn     events that end it (a duty is met when one of them happens on or before the due date)
 * @param catalogTerm {@code reviewWindow} or {@code resultValidity}: take the term from the catalog in force
 *                    on the trigger date when it states one; null: only {@code terms}
 * @param terms       the terms of the sources when the catalog states none; first matching condition wins
 * @param endRule     whether a last day on a non-working day moves to the next working day
 * @param recomputedOn an event that replaces the due date by a date the officer gives (deferral), or null
 * @param source      the source sentence, for people reading the file
 */
public record ClockDef(String name, ClockType type, List<String> startsOn, List<String> stopsOn, String catalogTerm,
                       List<TermDef> terms, EndRule endRule, String recomputedOn, String source) {

    public ClockDef {
        startsOn = List.copyOf(startsOn);
        stopsOn = stopsOn == null ? List.of() : List.copyOf(stopsOn);
        terms = terms == null ? List.of() : List.copyOf(terms);
        endRule = endRule == null ? EndRule.AS_COUNTED : endRule;
    }
}
