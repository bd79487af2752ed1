package org.kerege.appointments.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The booking rules of one service for a period.
 *
 * @param effectiveFrom     first day in force, or null when the source is undated
 * @param effectiveTo       first day no longer in force (exclusive), or null when open-ended
 * @param minServiceMinutes least counter time per applicant, or null when the catalog does not state it
 * @param maxServiceMinutes most counter time per applicant, or null
 */
public record ServicePolicy(String serviceCode, String country, String titleEn, LocalDate effectiveFrom,
                            LocalDate effectiveTo, BookingPolicy bookingPolicy, Integer minServiceMinutes,
                            Integer maxServiceMinutes, int catalogVersion) {

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** The rule set of a service in force on a date: the latest one that started on or before it. */
    public static Optional<ServicePolicy> inForce(Collection<ServicePolicy> ruleSets, LocalDate date) {
        return ruleSets.stream().filter(p -> p.inForceOn(date))
                .max(Comparator.comparing(ServicePolicy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
