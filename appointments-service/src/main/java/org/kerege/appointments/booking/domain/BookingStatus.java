package org.kerege.appointments.booking.domain;

/** Where a booking stands. HELD and CONFIRMED occupy a place; the others are final. */
public enum BookingStatus {
    /** A place is held for a few minutes, waiting for confirmation. */
    HELD,
    /** The appointment stands. */
    CONFIRMED,
    /** Cancelled by the person or staff; the place went back on sale. */
    CANCELLED,
    /** The hold ran out before confirmation; the place went back on sale. */
    EXPIRED,
    /** The visitor arrived and the booking became a ticket on the queue. */
    CHECKED_IN,
    /** The visitor did not check in by the end of the grace period. */
    NO_SHOW;

    public boolean occupiesPlace() {
        return this == HELD || this == CONFIRMED;
    }
}
