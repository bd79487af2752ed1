package org.kerege.appointments.booking.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What can be done to a booking, as data: each action lists the statuses it may start from and the
 * status it leads to (null: unchanged).
 */
public enum BookingAction {
    CONFIRM(Set.of(BookingStatus.HELD), BookingStatus.CONFIRMED),
    CANCEL(Set.of(BookingStatus.HELD, BookingStatus.CONFIRMED), BookingStatus.CANCELLED),
    RESCHEDULE(Set.of(BookingStatus.HELD, BookingStatus.CONFIRMED), null),
    EXPIRE(Set.of(BookingStatus.HELD), BookingStatus.EXPIRED),
    CHECK_IN(Set.of(BookingStatus.CONFIRMED), BookingStatus.CHECKED_IN),
    MARK_NO_SHOW(Set.of(BookingStatus.CONFIRMED), BookingStatus.NO_SHOW);

    private final Set<BookingStatus> from;
    private final BookingStatus to;

    BookingAction(Set<BookingStatus> from, BookingStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The status after the action; throws when the action is not allowed from {@code current}. */
    public BookingStatus apply(BookingStatus current) {
        if (!from.contains(current)) {
            throw new IllegalBookingTransitionException(this, current);
        }
        return to == null ? current : to;
    }

    public boolean allowedFrom(BookingStatus current) {
        return from.contains(current);
    }

    /** The whole table: for each action, the statuses it may start from. */
    public static Map<BookingAction, Set<BookingStatus>> table() {
        Map<BookingAction, Set<BookingStatus>> table = new EnumMap<>(BookingAction.class);
        for (BookingAction a : values()) {
            table.put(a, a.from);
        }
        return table;
    }
}
