package org.kerege.status.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The clocks of one service for a period, from the catalog.
 *
 * @param reviewWindow   legal time to a decision, or null when the sources state none
 * @param resultValidity how long the result is valid, or null
 * @param effectiveUntil last day in force (inclusive), or null when open-ended
 */
public record ReviewRule(String serviceCode, String country, String titleEn, LocalDate effectiveFrom,
                         LocalDate effectiveUntil, Term reviewWindow, Term resultValidity, String feeCode,
                         int catalogVersion) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** The rule set of a service in force on a date: the latest one that started on or before it. */
    public static Optional<ReviewRule> inForce(Collection<ReviewRule> ruleSets, LocalDate date) {
        return ruleSets.stream().filter(r -> r.inForceOn(date)).max(Comparator.comparing(ReviewRule::effectiveFrom));
    }
}
