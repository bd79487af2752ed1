package org.kerege.appointments.office.domain;

import java.time.Duration;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.catalog.domain.ServicePolicy;

/**
 * What an office offers for one service on one day, settled from the office's settings, the catalog's
 * policy and the defaults: the booking policy, the slot length and the places per slot.
 *
 * @param policy           the booking policy in force
 * @param slotLength       length of one slot
 * @param counters         counters that take the service
 * @param bookablePerSlot  places per slot open to online booking (the rest are kept for walk-ins)
 */
public record Offering(BookingPolicy policy, Duration slotLength, int counters, int bookablePerSlot) {

    /**
     * Settles the offering.
     * <ul>
     *   <li>policy: the office's override, else the catalog's rule set in force, else ONLINE_AND_WALK_IN;</li>
     *   <li>slot length: the office's slot minutes, else the catalog's longest counter time, else the default;</li>
     *   <li>places per slot: none when walk-in only; every counter when booking only; otherwise the
     *       counters minus the walk-in share, rounded down.</li>
     * </ul>
     */
    public static Offering of(Office office, String serviceCode, ServicePolicy catalog, Duration defaultSlot) {
        ServiceSettings settings = office.settings(serviceCode);
        BookingPolicy policy = settings.policyOverride() != null ? settings.policyOverride()
                : catalog != null ? catalog.bookingPolicy() : BookingPolicy.ONLINE_AND_WALK_IN;
        Duration length = settings.slotMinutes() != null ? Duration.ofMinutes(settings.slotMinutes())
                : catalog != null && catalog.maxServiceMinutes() != null ? Duration.ofMinutes(catalog.maxServiceMinutes())
                : defaultSlot;
        int counters = office.countersTaking(serviceCode).size();
        return new Offering(policy, length, counters, bookable(policy, counters, settings.walkInSharePercent()));
    }

    static int bookable(BookingPolicy policy, int counters, int walkInSharePercent) {
        return switch (policy) {
            case WALK_IN_ONLY -> 0;
            case BOOKING_ONLY -> counters;
            case ONLINE_AND_WALK_IN -> counters * (100 - walkInSharePercent) / 100;
        };
    }
}
