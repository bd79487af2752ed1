package org.kerege.appointments.queue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.appointments.queue.api.TicketViews.TicketView;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.appointments.queue.domain.TicketStatus;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** One ticket: read it, close it at the counter. */
@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
public class TicketResource {

    private final TicketCommands commands;
    private final Caller caller;

    public TicketResource(TicketCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "A ticket (officer of its office, service, admin)")
    public TicketView get(@PathParam("id") @Parameter(description = "Ticket id (UUID)") String id) {
        Ticket t = commands.find(id(id));
        if (caller.hasRole(Roles.OFFICER) && !caller.office().equals(t.officeId())) {
            throw ProblemException.notFound("Ticket", id);
        }
        return TicketView.of(t);
    }

    @POST
    @Path("/{id}/served")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "The called ticket was served (officer of its office)",
            description = "CALLED → SERVED, announced as ticket-served with the wait. 409 ticket-not-called.")
    public TicketView served(@PathParam("id") @Parameter(description = "Ticket id (UUID)") String id) {
        return TicketView.of(commands.close(id(id), TicketStatus.SERVED, caller.office()));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "The called visitor did not come to the counter (officer of its office)",
            description = "CALLED → NO_SHOW. 409 ticket-not-called.")
    public TicketView noShow(@PathParam("id") @Parameter(description = "Ticket id (UUID)") String id) {
        return TicketView.of(commands.close(id(id), TicketStatus.NO_SHOW, caller.office()));
    }

    static UUID id(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Ticket", text == null ? "" : text.substring(0, Math.min(text.length(), 40)));
    }
}
