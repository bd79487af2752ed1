package org.kerege.appointments.office.api;

import org.kerege.platform.problem.ProblemException;

/** Problems shared by the slot listing, bookings and tickets. */
public final class BookingProblems {

    private BookingProblems() {
    }

    public static ProblemException onlineBookingNotOffered(String officeId, String service) {
        return ProblemException.ruleViolated("online-booking-not-offered", "This service cannot be booked online",
                "Service '" + Offices.abbreviate(service) + "' at office '" + officeId + "' is served in order of "
                        + "arrival only (walk-in only): come to the office and take a ticket.");
    }

    public static ProblemException walkInNotOffered(String officeId, String service) {
        return ProblemException.ruleViolated("walk-in-not-offered", "This service is by appointment only",
                "Service '" + Offices.abbreviate(service) + "' at office '" + officeId + "' serves booked visitors "
                        + "only: book a slot online.");
    }
}
