package org.kerege.appointments.office.domain;

import org.kerege.appointments.catalog.domain.BookingPolicy;

/**
 * How one office offers one service.
 *
 * @param serviceCode        the catalog service code
 * @param policyOverride     the office's own booking policy, or null to follow the catalog
 * @param walkInSharePercent share of each slot's counters kept for walk-ins (mixed policy), 0-100
 * @param slotMinutes        slot length, or null to use the catalog's counter time (else the default)
 * @param quotaMaxBookings   at most this many bookings per person ...
 * @param quotaWindowDays    ... in this many days (rolling), or both null for no such quota
 * @param source             where these settings come from
 */
public record ServiceSettings(String serviceCode, BookingPolicy policyOverride, int walkInSharePercent,
                              Integer slotMinutes, Integer quotaMaxBookings, Integer quotaWindowDays, String source) {

    public ServiceSettings {
        if (walkInSharePercent < 0 || walkInSharePercent > 100) {
            throw new IllegalArgumentException("walkInSharePercent must be 0-100");
        }
        if ((quotaMaxBookings == null) != (quotaWindowDays == null)) {
            throw new IllegalArgumentException("quotaMaxBookings and quotaWindowDays go together");
        }
    }

    public static ServiceSettings defaults(String serviceCode) {
        return new ServiceSettings(serviceCode, null, 0, null, null, null, null);
    }
}
