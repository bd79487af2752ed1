package org.kerege.appointments.office.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.appointments.booking.persistence.BookingStore;
import org.kerege.appointments.office.api.OfficeViews.ClosureRequest;
import org.kerege.appointments.office.api.OfficeViews.ClosureView;
import org.kerege.appointments.office.api.OfficeViews.CounterRequest;
import org.kerege.appointments.office.api.OfficeViews.CounterView;
import org.kerege.appointments.office.api.OfficeViews.OfficeRequest;
import org.kerege.appointments.office.api.OfficeViews.OfficeSummary;
import org.kerege.appointments.office.api.OfficeViews.OfficeView;
import org.kerege.appointments.office.api.SlotViews.DayView;
import org.kerege.appointments.office.api.SlotViews.SlotListing;
import org.kerege.appointments.office.api.SlotViews.SlotView;
import org.kerege.appointments.office.domain.Closure;
import org.kerege.appointments.office.domain.Counter;
import org.kerege.appointments.office.domain.DaySchedule;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.Offering;
import org.kerege.appointments.office.domain.SlotGenerator;
import org.kerege.appointments.office.persistence.OfficeStore;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Offices (public reads, admin writes) and their bookable slots (public). */
@Path("/v1/offices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offices")
public class OfficeResource {

    static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    private final Offices offices;
    private final OfficeStore store;
    private final BookingStore bookings;
    private final Clock clock;
    private final AppointmentsConfig config;

    public OfficeResource(Offices offices, OfficeStore store, BookingStore bookings, Clock clock, AppointmentsConfig config) {
        this.offices = offices;
        this.store = store;
        this.bookings = bookings;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(summary = "Every office", description = "Centres, consulates, migration-police units, passport offices; public.")
    public List<OfficeSummary> list() {
        return store.all().stream().map(OfficeSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One office: zone, weekly hours with breaks, counters, service settings, closures; public")
    public OfficeView get(@PathParam("id") @Parameter(example = "mn-ub-passport") String id) {
        return OfficeView.of(offices.require(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create or replace an office (admin)",
            description = "Replaces the hours, counters and service settings; closures are kept. 400 for hours that "
                    + "do not hold together (a break outside the opening hours, a day twice) or an unknown zone.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeView.class)))
    public Response put(@PathParam("id") @Parameter(example = "kg-osh-1") String id,
                        @Valid @NotNull(message = "the office is required") OfficeRequest request) {
        if (id == null || !id.matches(ID)) {
            throw ProblemException.invalidField("id", "lower-case letters, digits and -, at most 64");
        }
        ZoneId zone = OfficeRequest.zoneOf(request.zone());
        Office office;
        try {
            office = new Office(id, request.nameEn(), request.nameLocal(), request.kind(), request.country(), zone,
                    request.address(), request.hours().stream().map(OfficeViews.DayHoursView::toDomain).toList(),
                    request.legalSource(),
                    request.counters() == null ? List.of() : request.counters().stream().map(OfficeViews.OfficeCounterRequest::toDomain).toList(),
                    request.services() == null ? List.of() : request.services().stream().map(OfficeViews.ServiceSettingsView::toDomain).toList(),
                    List.of());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "validation-failed", "The request is not valid", e.getMessage(),
                    Map.of("office", e.getMessage()));
        }
        boolean created = store.upsert(office);
        OfficeView view = OfficeView.of(offices.require(id));
        return created ? Response.created(URI.create("/v1/offices/" + id)).entity(view).build() : Response.ok(view).build();
    }

    @PUT
    @Path("/{id}/counters/{counter}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create or replace one counter of an office (admin)")
    public CounterView putCounter(@PathParam("id") @Parameter(example = "mn-ub-passport") String id,
                                  @PathParam("counter") @Parameter(example = "11") String counter,
                                  @Valid @NotNull(message = "the counter is required") CounterRequest request) {
        offices.require(id);
        if (counter == null || !counter.matches("[A-Za-z0-9-]{1,16}")) {
            throw ProblemException.invalidField("counter", "1-16 letters, digits or -");
        }
        Counter c = new Counter(counter, request.location(), request.priority(), request.services());
        store.upsertCounter(id, c);
        return CounterView.of(c);
    }

    @POST
    @Path("/{id}/closures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add a one-off closure (admin)", description = "Office-local dates, both inclusive. No slots on those days.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosureView.class)))
    public Response addClosure(@PathParam("id") @Parameter(example = "kg-bishkek-1") String id,
                               @Valid @NotNull(message = "the closure is required") ClosureRequest request) {
        offices.require(id);
        if (request.to().isBefore(request.from())) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        Closure closure = new Closure(null, request.from(), request.to(), request.reason());
        long closureId = store.addClosure(id, closure);
        return Response.status(201).entity(new ClosureView(closureId, closure.from(), closure.to(), closure.reason())).build();
    }

    @DELETE
    @Path("/{id}/closures/{closureId}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Remove a closure (admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteClosure(@PathParam("id") @Parameter(example = "kg-bishkek-1") String id,
                                  @PathParam("closureId") @Parameter(example = "1") String closureId) {
        long cid;
        try {
            cid = Long.parseLong(closureId);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Closure", Offices.abbreviate(closureId));
        }
        if (!store.deleteClosure(id, cid)) {
            throw ProblemException.notFound("Closure", closureId);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/slots")
    @PermitAll
    @Operation(summary = "Bookable slots of a service at an office; public",
            description = "Derived from the weekly hours, the service's slot length (office setting, else the catalog's "
                    + "longest counter time, else the default) and the counters that take the service, minus the "
                    + "published walk-in share. Never inside a break, past closing, on a day off, public holiday or "
                    + "closure. Office-local dates; times carry the office's offset. 422 service-not-offered, "
                    + "online-booking-not-offered (walk-in only services), calendar-not-known.")
    public SlotListing slots(@PathParam("id") @Parameter(example = "kg-bishkek-1") String id,
                             @QueryParam("service") @Parameter(description = "Service code", required = true,
                                     example = "kg.passport.id-card") String service,
                             @QueryParam("from") @Parameter(description = "First office-local date; today when absent",
                                     example = "2026-11-23") LocalDate from,
                             @QueryParam("to") @Parameter(description = "Last office-local date (inclusive); from + 6 days when absent",
                                     example = "2026-11-27") LocalDate to) {
        if (service == null || service.isBlank()) {
            throw ProblemException.invalidField("service", "is required");
        }
        Office office = offices.require(id);
        offices.requireOffers(office, service);
        Instant now = clock.instant();
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        LocalDate first = from != null ? from : today;
        LocalDate last = to != null ? to : first.plusDays(6);
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (first.plusDays(config.booking().maxRangeDays() - 1L).isBefore(last)) {
            throw ProblemException.invalidField("to", "at most " + config.booking().maxRangeDays() + " days from 'from'");
        }
        LocalDate horizon = today.plusDays(config.booking().horizonDays());
        Offering offering = offices.offering(office, service, first);
        if (!offering.policy().allowsOnlineBooking()) {
            throw BookingProblems.onlineBookingNotOffered(office.id(), service);
        }
        List<DaySchedule> days = first.isAfter(horizon) || last.isBefore(today) ? List.of()
                : SlotGenerator.days(office, first.isBefore(today) ? today : first, last.isAfter(horizon) ? horizon : last,
                        offering.slotLength(), offering.bookablePerSlot(), offices.holidays(office), now);
        Map<Instant, int[]> taken = bookings.placesTaken(office.id(), service,
                first.atStartOfDay(office.zone()).toInstant(), last.plusDays(1).atStartOfDay(office.zone()).toInstant(), now);
        List<DayView> dayViews = days.stream().map(d -> new DayView(d.date(), d.closedReason(), d.slots().stream().map(s -> {
            int[] row = taken.get(s.startsAt().toInstant());
            int capacity = row != null ? row[0] : s.capacity();
            int remaining = Math.max(0, capacity - (row != null ? row[1] : 0));
            return new SlotView(s.startsAt(), s.endsAt(), capacity, remaining);
        }).toList())).toList();
        return new SlotListing(office.id(), service, office.zone().getId(), offering.policy(),
                offering.slotLength().toMinutes(), offering.counters(), office.settings(service).walkInSharePercent(), dayViews);
    }
}
