package org.kerege.status.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clocks of one service for a period, from the catalog.
 *
 * @param effectiveFrom  first day in force, or null when the source is undated
 * @param effectiveTo    first day no longer in force (exclusive), or null when open-ended
 * @param reviewWindows  legal time to a decision, per situation; empty when the sources state none
 * @param resultValidity how long the result is valid, per situation; empty when unstated
 * @param feeCode        fee schedule code, or null when the source states no fee
 */
public record ReviewRule(String serviceCode, String country, String titleEn, LocalDate effectiveFrom,
                         LocalDate effectiveTo, List<Term> reviewWindows, List<Term> resultValidity, String feeCode,
                         int catalogVersion) {

    public ReviewRule {
        reviewWindows = List.copyOf(reviewWindows);
        resultValidity = List.copyOf(resultValidity);
    }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** The rule set of a service in force on a date: the latest one that started on or before it. */
    public static Optional<ReviewRule> inForce(Collection<ReviewRule> ruleSets, LocalDate date) {
        return ruleSets.stream().filter(r -> r.inForceOn(date))
                .max(Comparator.comparing(ReviewRule::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
