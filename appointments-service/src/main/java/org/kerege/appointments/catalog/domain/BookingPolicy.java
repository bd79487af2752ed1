package org.kerege.appointments.catalog.domain;

/** How applicants may come for a service, as the catalog states it. */
public enum BookingPolicy {
    /** Book a slot online or take a ticket on arrival. */
    ONLINE_AND_WALK_IN,
    /** Served in order of arrival only; pre-booking is forbidden (e.g. the Kazakh refugee units). */
    WALK_IN_ONLY,
    /** Only booked visitors are served (e.g. Kazakh centres made booking-only in 2026). */
    BOOKING_ONLY;

    public boolean allowsOnlineBooking() {
        return this != WALK_IN_ONLY;
    }

    public boolean allowsWalkIn() {
        return this != BOOKING_ONLY;
    }
}
