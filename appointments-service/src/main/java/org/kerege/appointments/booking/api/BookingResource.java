package org.kerege.appointments.booking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.appointments.booking.api.BookingViews.BookingView;
import org.kerege.appointments.booking.api.BookingViews.CheckInRequest;
import org.kerege.appointments.booking.api.BookingViews.CreateBookingRequest;
import org.kerege.appointments.booking.api.BookingViews.RescheduleRequest;
import org.kerege.appointments.booking.domain.Booking;
import org.kerege.appointments.booking.domain.ShortCode;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.appointments.queue.api.TicketViews.TicketView;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Online bookings: hold → confirm, cancel, reschedule, check-in at the office. */
@Path("/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
public class BookingResource {

    private final BookingCommands commands;
    private final RateLimiter rateLimiter;
    private final Caller caller;

    public BookingResource(BookingCommands commands, RateLimiter rateLimiter, Caller caller) {
        this.commands = commands;
        this.rateLimiter = rateLimiter;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.PARTNER, Roles.OFFICER})
    @Operation(summary = "Hold a place in a slot (citizen for themselves; partner or officer on behalf)",
            description = "Holds one place for a few minutes (kerege.appointments.booking.hold, PT5M); confirm it with "
                    + "POST /v1/bookings/{id}/confirm. A citizen books for the token's subject; a partner or officer names "
                    + "personId (an officer only at their own office). 409 slot-full (no place left: never more bookings "
                    + "than capacity), active-booking-exists (one active booking per person and service), "
                    + "idempotency-key-reused; 422 online-booking-not-offered (walk-in only), service-not-offered, "
                    + "not-a-slot, slot-in-the-past, beyond-booking-horizon, booking-quota-exceeded (e.g. one per 10 days); "
                    + "429 too-many-requests (per person, per minute, across instances). With an Idempotency-Key the same "
                    + "key and body return the first response byte for byte (header Idempotent-Replayed: true).")
    @APIResponse(responseCode = "201", description = "Held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    public Response create(
            @HeaderParam("Idempotency-Key") @Parameter(description = "1-255 visible ASCII characters, unique per request",
                    example = "5b0e7c1a-2f43-4a55-9d8e-3c1f6a7b9e20") String idempotencyKey,
            @Valid @NotNull(message = "the booking request is required") CreateBookingRequest request) {
        if (idempotencyKey != null && !IdempotencyStore.isWellFormed(idempotencyKey)) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        String personId;
        if (caller.hasRole(Roles.CITIZEN)) {
            if (request.personId() != null && !request.personId().equals(caller.subject())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "A citizen books for themselves only.");
            }
            personId = caller.subject();
        } else {
            if (request.personId() == null) {
                throw ProblemException.invalidField("personId", "is required when booking on behalf of someone");
            }
            if (caller.hasRole(Roles.OFFICER) && !caller.office().equals(request.officeId())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "An officer books at their own office only.");
            }
            personId = request.personId();
        }
        rateLimiter.hit(personId);
        IdempotentAnswer created = commands.create(request, personId, caller.subject(), caller.subject(),
                idempotencyKey);
        return created.response().location(URI.create("/v1/bookings/" + created.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.PARTNER, Roles.OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A booking (its person, or staff)")
    public BookingView get(@PathParam("id") @Parameter(description = "Booking id (UUID)") String id) {
        return BookingView.of(commands.view(id(id), access()));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.CITIZEN, Roles.PARTNER, Roles.OFFICER})
    @Operation(summary = "Confirm a held booking", description = "HELD → CONFIRMED, announced as appointment-booked. "
            + "409 hold-expired (the place went back on sale), booking-not-allowed (not HELD).")
    public BookingView confirm(@PathParam("id") @Parameter(description = "Booking id (UUID)") String id) {
        return BookingView.of(commands.confirm(id(id), access()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CITIZEN, Roles.PARTNER, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Cancel a booking", description = "The place goes back on sale at once; a confirmed booking's "
            + "cancellation is announced as appointment-cancelled. 409 booking-not-allowed when already closed.")
    public BookingView cancel(@PathParam("id") @Parameter(description = "Booking id (UUID)") String id) {
        return BookingView.of(commands.cancel(id(id), access()));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.PARTNER, Roles.OFFICER})
    @Operation(summary = "Move a booking to another slot of the same office and service",
            description = "Takes a place in the new slot, then frees the old one, in one transaction. A confirmed booking "
                    + "is announced again as appointment-booked with rescheduledFrom. 409 slot-full; 422 as for booking.")
    public BookingView reschedule(@PathParam("id") @Parameter(description = "Booking id (UUID)") String id,
                                  @Valid @NotNull(message = "the new slot is required") RescheduleRequest request) {
        UUID bookingId = id(id);
        Booking b = commands.view(bookingId, access());
        rateLimiter.hit(b.personId());
        return BookingView.of(commands.reschedule(bookingId, request.startsAt().toInstant(), access()));
    }

    @POST
    @Path("/{id}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE})
    @Operation(summary = "Check in at the office terminal (officer, service)",
            description = "{id} is the booking id or its short code as typed or scanned at the terminal. The booking "
                    + "becomes a ticket (B-nnn) on the hall's queue, called before walk-ins once its time has come. "
                    + "Allowed from kerege.appointments.check-in.early before the start to check-in.grace after it: 422 "
                    + "check-in-too-early, check-in-too-late. Announced as appointment-checked-in and ticket-issued.")
    @APIResponse(responseCode = "200", description = "Checked in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    public TicketView checkIn(@PathParam("id") @Parameter(description = "Booking id (UUID) or short code", example = "K7M2QX9P") String id,
                              @Valid CheckInRequest request) {
        String officerOffice = caller.hasRole(Roles.OFFICER) ? caller.office() : null;
        Booking b;
        String code = ShortCode.normalise(id);
        if (code != null) {
            b = commands.byCode(code).orElseThrow(() -> ProblemException.notFound("Booking", code));
        } else {
            b = commands.view(id(id), new BookingCommands.Access(caller.subject(), true, officerOffice));
        }
        return TicketView.of(commands.checkIn(b, request != null && request.priority(), officerOffice));
    }

    private BookingCommands.Access access() {
        boolean staff = !caller.hasRole(Roles.CITIZEN);
        return new BookingCommands.Access(caller.subject(), staff, caller.hasRole(Roles.OFFICER) ? caller.office() : null);
    }

    /** A malformed id names no booking: 404, like an unknown one. */
    static UUID id(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Booking", text == null ? "" : text.substring(0, Math.min(text.length(), 40)));
    }
}
