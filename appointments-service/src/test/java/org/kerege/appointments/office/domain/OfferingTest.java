package org.kerege.appointments.office.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.catalog.domain.ServicePolicy;

class OfferingTest {

    static Office office(int counters, ServiceSettings settings) {
        List<Counter> cs = new java.util.ArrayList<>();
        for (int i = 1; i <= counters; i++) {
            cs.add(new Counter(String.valueOf(i), null, false, List.of("kz.refugee.grant")));
        }
        return new Office("o", "o", null, "OTHER", "KZ", ZoneId.of("Asia/Almaty"), null, List.of(), "t", cs,
                settings == null ? List.of() : List.of(settings), List.of());
    }

    static ServicePolicy catalog(BookingPolicy p, Integer max) {
        return new ServicePolicy("kz.refugee.grant", "KZ", "t", null, null, p, 15, max, 1);
    }

    @Test
    void walk_in_only_offers_no_place_online() {
        assertEquals(0, Offering.of(office(4, null), "kz.refugee.grant", catalog(BookingPolicy.WALK_IN_ONLY, 30),
                Duration.ofMinutes(20)).bookablePerSlot());
    }

    @Test
    void booking_only_offers_every_counter() {
        assertEquals(4, Offering.bookable(BookingPolicy.BOOKING_ONLY, 4, 25));
    }

    @Test
    void mixed_keeps_the_published_walk_in_share_rounding_places_down() {
        assertEquals(3, Offering.bookable(BookingPolicy.ONLINE_AND_WALK_IN, 5, 25));   // 3.75 → 3
        assertEquals(2, Offering.bookable(BookingPolicy.ONLINE_AND_WALK_IN, 4, 50));
        assertEquals(5, Offering.bookable(BookingPolicy.ONLINE_AND_WALK_IN, 5, 0));
        assertEquals(0, Offering.bookable(BookingPolicy.ONLINE_AND_WALK_IN, 1, 25));
    }

    @Test
    void the_office_override_beats_the_catalog_which_beats_the_default() {
        ServiceSettings bookingOnly = new ServiceSettings("kz.refugee.grant", BookingPolicy.BOOKING_ONLY, 0, 45, null, null, null);
        Offering o = Offering.of(office(2, bookingOnly), "kz.refugee.grant", catalog(BookingPolicy.WALK_IN_ONLY, 30), Duration.ofMinutes(20));
        assertEquals(BookingPolicy.BOOKING_ONLY, o.policy());
        assertEquals(Duration.ofMinutes(45), o.slotLength());
        Offering c = Offering.of(office(2, null), "kz.refugee.grant", catalog(BookingPolicy.WALK_IN_ONLY, 30), Duration.ofMinutes(20));
        assertEquals(BookingPolicy.WALK_IN_ONLY, c.policy());
        assertEquals(Duration.ofMinutes(30), c.slotLength());
        Offering d = Offering.of(office(2, null), "kz.refugee.grant", null, Duration.ofMinutes(20));
        assertEquals(BookingPolicy.ONLINE_AND_WALK_IN, d.policy());
        assertEquals(Duration.ofMinutes(20), d.slotLength());
        assertEquals(2, d.counters());
    }
}
