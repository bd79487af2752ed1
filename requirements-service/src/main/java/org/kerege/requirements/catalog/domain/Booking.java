package org.kerege.requirements.catalog.domain;

/**
 * Visit arrangements used by appointments-service.
 *
 * @param policy             booking policy
 * @param policyFromSource   true when a source states or clearly implies the policy; false = configuration
 * @param minMinutes         shortest service time per client
 * @param maxMinutes         longest service time per client
 * @param minutesFromSource  true when a source states the service time; false = configuration default
 * @param note               where the figures come from
 */
public record Booking(BookingPolicy policy, boolean policyFromSource, Integer minMinutes, Integer maxMinutes,
                      boolean minutesFromSource, LocalizedText note) {

    public Booking {
        note = note == null ? LocalizedText.EMPTY : note;
    }
}
