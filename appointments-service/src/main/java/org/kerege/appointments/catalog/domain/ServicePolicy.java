package org.kerege.appointments.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The booking rules of one service for a period.
 *
 * @param effectiveUntil last day in force (inclusive), or null when open-ended
 * @param serviceMinutes counter time per applicant, or null when the catalog does not state it
 */
public record ServicePolicy(String serviceCode, String country, String titleEn, LocalDate effectiveFrom,
                            LocalDate effectiveUntil, BookingPolicy bookingPolicy, Integer serviceMinutes,
                            int catalogVersion) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** The rule set of a service in force on a date: the latest one that started on or before it. */
    public static Optional<ServicePolicy> inForce(Collection<ServicePolicy> ruleSets, LocalDate date) {
        return ruleSets.stream().filter(p -> p.inForceOn(date))
                .max(Comparator.comparing(ServicePolicy::effectiveFrom));
    }
}
