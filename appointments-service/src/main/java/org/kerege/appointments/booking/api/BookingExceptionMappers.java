package org.kerege.appointments.booking.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.appointments.booking.domain.IllegalBookingTransitionException;
import org.kerege.platform.problem.Problem;

/** Problem documents for the booking domain's refusals. */
public class BookingExceptionMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalBookingTransitionException e, UriInfo uri) {
        Problem p = new Problem(Problem.type("booking-not-allowed"), "The booking's status does not allow this", 409,
                e.getMessage(), uri.getPath(), null);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
