package org.kerege.requirements.catalog.domain;

/** How visits to the office are arranged. */
public enum BookingPolicy {
    ONLINE_AND_WALK_IN, WALK_IN_ONLY, BOOKING_ONLY
}
