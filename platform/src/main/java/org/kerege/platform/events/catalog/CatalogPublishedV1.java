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
     * @param code              service code, e.g. {@code kg.meken-card}
     * @param country           ISO 3166 alpha-2 of the issuing state
     * @param titleEn           English title
     * @param effectiveFrom     first day the rule set applies, or null when the source is undated
     * @param effectiveTo       first day it no longer applies (exclusive), or null when open-ended
     * @param bookingPolicy     {@code ONLINE_AND_WALK_IN}, {@code WALK_IN_ONLY} or {@code BOOKING_ONLY}
     * @param minServiceMinutes least counter time per applicant, or null when the catalog states none
     * @param maxServiceMinutes most counter time per applicant (Kazakhstan: 15 to 30), or null
     * @param reviewWindows     legal time to a decision, one per situation (e.g. general 60 days,
     *                          simplified 30 days); empty when the sources state none
     * @param resultValidity    how long the result is valid, one per situation; empty when unstated
     * @param feeCode           the fee schedule code payments-service knows, or null when the source
     *                          states no fee
     */
    public record ServiceRules(String code, String country, String titleEn, LocalDate effectiveFrom,
                               LocalDate effectiveTo, String bookingPolicy, Integer minServiceMinutes,
                               Integer maxServiceMinutes, List<ConditionalTerm> reviewWindows,
                               List<ConditionalTerm> resultValidity, String feeCode) {
    }

    /**
     * A legal period that applies in a situation.
     *
     * @param condition the situation in the catalog's condition language, e.g.
     *                  {@code procedure == "simplified"}; {@code true} when it always applies
     * @param amount    how many units
     * @param unit      {@code MINUTES}, {@code CALENDAR_DAYS}, {@code WORKING_DAYS}, {@code MONTHS} or {@code YEARS}
     * @param startsOn  what starts the clock, e.g. {@code registration}, or null when unstated
     */
    public record ConditionalTerm(String condition, int amount, String unit, String startsOn) {
    }
}
