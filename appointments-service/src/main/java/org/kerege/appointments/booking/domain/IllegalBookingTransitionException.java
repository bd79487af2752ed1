package org.kerege.appointments.booking.domain;

/** An action the booking's status does not allow (e.g. confirming a cancelled booking). */
public class IllegalBookingTransitionException extends RuntimeException {

    private final BookingAction action;
    private final BookingStatus status;

    public IllegalBookingTransitionException(BookingAction action, BookingStatus status) {
        super("A " + status + " booking cannot be " + switch (action) {
            case CONFIRM -> "confirmed";
            case CANCEL -> "cancelled";
            case RESCHEDULE -> "rescheduled";
            case EXPIRE -> "expired";
            case CHECK_IN -> "checked in";
            case MARK_NO_SHOW -> "marked as a no-show";
        } + ".", null, false, false);
        this.action = action;
        this.status = status;
    }

    public BookingAction action() {
        return action;
    }

    public BookingStatus status() {
        return status;
    }
}
