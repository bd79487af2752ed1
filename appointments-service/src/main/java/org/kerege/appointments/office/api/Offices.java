package org.kerege.appointments.office.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.appointments.catalog.domain.ServicePolicy;
import org.kerege.appointments.office.domain.Holidays;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.Offering;
import org.kerege.appointments.office.persistence.CatalogPolicies;
import org.kerege.appointments.office.persistence.OfficeStore;
import org.kerege.platform.calendar.CalendarNotKnownException;
import org.kerege.platform.calendar.WorkingCalendar;
import org.kerege.platform.problem.ProblemException;

/** Looks offices up and settles what they offer; shared by slots, bookings and the queue. */
@ApplicationScoped
public class Offices {

    private final OfficeStore store;
    private final CatalogPolicies catalog;
    private final AppointmentsConfig config;

    public Offices(OfficeStore store, CatalogPolicies catalog, AppointmentsConfig config) {
        this.store = store;
        this.catalog = catalog;
        this.config = config;
    }

    /** The office, or 404. */
    public Office require(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("Office", abbreviate(id)));
    }

    /** 422 service-not-offered unless a counter of the office takes the service. */
    public void requireOffers(Office office, String serviceCode) {
        if (!office.offers(serviceCode)) {
            throw ProblemException.ruleViolated("service-not-offered", "The office does not offer this service",
                    "No counter of office '" + office.id() + "' takes service '" + abbreviate(serviceCode) + "'.");
        }
    }

    /** Policy, slot length and places per slot of a service at an office on an office-local date. */
    public Offering offering(Office office, String serviceCode, LocalDate date) {
        ServicePolicy policy = catalog.inForce(serviceCode, date).orElse(null);
        return Offering.of(office, serviceCode, policy, Duration.ofMinutes(config.booking().defaultSlotMinutes()));
    }

    /** Public holidays of the office's country; 422 calendar-not-known for a year our data does not cover. */
    public Holidays holidays(Office office) {
        WorkingCalendar calendar = WorkingCalendar.of(office.country());
        return date -> {
            try {
                return calendar.holiday(date);
            } catch (CalendarNotKnownException e) {
                throw ProblemException.ruleViolated("calendar-not-known", "Public holidays not known",
                        "The public holidays of " + office.country() + " in " + date.getYear()
                                + " are not in our data yet, so no slots can be offered for that year.");
            }
        };
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
    }
}
