package org.kerege.payments.rate.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.payments.rate.domain.RateUnavailableException;
import org.kerege.platform.problem.Problem;

/** A fee paid in another currency cannot be invoiced without the day's official rate: 422, never a guess. */
public class RateProblems {

    @ServerExceptionMapper
    public Response unavailable(RateUnavailableException e, UriInfo uri) {
        Problem p = new Problem(Problem.type("exchange-rate-unavailable"), "No exchange rate for that day", 422,
                e.getMessage(), null, null);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(p.withInstance(uri.getPath())).build();
    }
}
