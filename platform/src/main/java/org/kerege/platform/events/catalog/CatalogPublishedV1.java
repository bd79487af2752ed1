package org.kerege.platform.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A new version of the requirements catalog was published. Consumers keep what they need: the
 * booking policy and duration of each service (appointments), the review window and the validity of
 * the result (status). The aggregate is the catalog itself, so versions arrive in order.
 *
 * @param catalogVersion the published version number (increasing)
 * @param publishedAt    when it was published
 * @param services       one entry per service rule set (a code may have several, for different dates)
 */
@KeregeEvent(service = "requirements", aggregate = "catalog", name = "catalog-published", version = 1)
public record CatalogPublishedV1(int catalogVersion, Instant publishedAt, List<ServiceRules> services)
        implements Event {

    /** The aggregate id of the catalog. */
    public static final String CATALOG_ID = "catalog";

    @Override
    public String aggregateId() {
        return CATALOG_ID;
    }

    /**
     * What other services need of one service's rule set.
     *
     * @param code           service code, e.g. {@code kg.meken-card}
     * @param country        ISO 3166 alpha-2 of the issuing state
     * @param titleEn        English title
     * @param effectiveFrom  first day the rule set applies
     * @param effectiveUntil last day it applies (inclusive), or null when open-ended
     * @param bookingPolicy  {@code ONLINE_AND_WALK_IN}, {@code WALK_IN_ONLY} or {@code BOOKING_ONLY}
     * @param serviceMinutes minutes a counter needs per applicant, or null when the sources are silent
     * @param reviewWindow   legal time to a decision, or null when none is stated
     * @param resultValidity how long the result is valid, or null
     * @param feeCode        the fee schedule code payments-service knows
     */
    public record ServiceRules(String code, String country, String titleEn, LocalDate effectiveFrom,
                               LocalDate effectiveUntil, String bookingPolicy, Integer serviceMinutes,
                               Term reviewWindow, Term resultValidity, String feeCode) {
    }

    /**
     * A legal period.
     *
     * @param amount how many units
     * @param unit   {@code CALENDAR_DAYS}, {@code WORKING_DAYS}, {@code MONTHS} or {@code YEARS}
     */
    public record Term(int amount, String unit) {
    }
}
