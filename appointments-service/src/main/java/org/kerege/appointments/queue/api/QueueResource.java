package org.kerege.appointments.queue.api;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.appointments.queue.api.TicketViews.IssueTicketRequest;
import org.kerege.appointments.queue.api.TicketViews.QueueView;
import org.kerege.appointments.queue.api.TicketViews.StatsView;
import org.kerege.appointments.queue.api.TicketViews.TicketView;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** An office's hall: walk-in tickets, the live queue, counters calling, the day's wait statistics. */
@Path("/v1/offices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
public class QueueResource {

    private final TicketCommands commands;
    private final Caller caller;

    public QueueResource(TicketCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE})
    @Operation(summary = "Take a walk-in ticket (the hall's kiosk: service; or an officer of the office)",
            description = "Numbers run per office and office-local day: A-001 … for walk-ins, P-001 … for the priority "
                    + "groups, B-001 … for checked-in bookings. 422 walk-in-not-offered (booking-only services), "
                    + "service-not-offered. Idempotency-Key as for bookings. Announced as ticket-issued.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    public Response issue(@PathParam("id") @Parameter(example = "mn-ub-passport") String id,
                          @HeaderParam("Idempotency-Key") @Parameter(description = "1-255 visible ASCII characters",
                                  example = "9c4f1e2a-7b3d-4e5f-8a6b-1c2d3e4f5a6b") String idempotencyKey,
                          @Valid @NotNull(message = "the ticket request is required") IssueTicketRequest request) {
        if (idempotencyKey != null && !IdempotencyStore.isWellFormed(idempotencyKey)) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        requireOwnOffice(id);
        IdempotentAnswer issued = commands.issueWalkIn(id, request, caller.subject(), idempotencyKey);
        return issued.response().location(URI.create("/v1/tickets/" + issued.id())).build();
    }

    @GET
    @Path("/{id}/queue")
    @PermitAll
    @Operation(summary = "The live queue of an office (the hall's display; public)",
            description = "Waiting tickets in calling order with position and estimated wait (clients of the same "
                    + "service ahead × minutes per client ÷ counters taking it), and the tickets at counters now.")
    public QueueView queue(@PathParam("id") @Parameter(example = "mn-ub-passport") String id) {
        return commands.queue(id);
    }

    @POST
    @Path("/{id}/counters/{counter}/call-next")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Call the next ticket to a counter (officer of the office)",
            description = "Booked visitors whose time has come first, then (at a priority counter) the priority groups, "
                    + "otherwise first come first served; only services the counter takes. Safe with many counters and "
                    + "instances at once (SELECT … FOR UPDATE SKIP LOCKED). 204 when nobody is waiting for this counter. "
                    + "Announced as ticket-called.")
    @APIResponse(responseCode = "200", description = "Called",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "204", description = "Nobody waiting for this counter")
    public Response callNext(@PathParam("id") @Parameter(example = "mn-ub-passport") String id,
                             @PathParam("counter") @Parameter(example = "11") String counter) {
        requireOwnOffice(id);
        Optional<Ticket> t = commands.callNext(id, counter);
        return t.map(ticket -> Response.ok(TicketView.of(ticket)).build()).orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/counters/{counter}/recall")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Call the counter's current ticket again (officer of the office)",
            description = "409 nothing-to-recall when no ticket is at the counter. Announced as ticket-called with recall > 0.")
    public TicketView recall(@PathParam("id") @Parameter(example = "mn-ub-passport") String id,
                             @PathParam("counter") @Parameter(example = "11") String counter) {
        requireOwnOffice(id);
        return TicketView.of(commands.recall(id, counter));
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A day's waiting times against the target (officer of the office, admin, service)",
            description = "Target per ticket: (clients ahead when issued, at least 1) × 30 minutes (source 003: 15-30 "
                    + "minutes of service per client in the queue).")
    public StatsView stats(@PathParam("id") @Parameter(example = "kz-mp-almaty") String id,
                           @QueryParam("date") @Parameter(description = "Office-local date; today when absent",
                                   example = "2026-11-23") LocalDate date) {
        requireOwnOffice(id);
        return commands.stats(id, date);
    }

    private void requireOwnOffice(String officeId) {
        if (caller.hasRole(Roles.OFFICER) && !caller.office().equals(officeId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "An officer acts for their own office only.");
        }
    }
}
