package org.kerege.payments.fee.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.platform.problem.Problem;
import org.kerege.payments.fee.domain.BaseAmountUnavailableException;
import org.kerege.payments.fee.domain.FeeNotInForceException;
import org.kerege.payments.fee.domain.InvalidFeeOptionsException;
import org.kerege.payments.fee.domain.UnknownFeeException;

/** Problem documents for the fee domain's refusals. */
public class FeeProblems {

    @ServerExceptionMapper
    public Response unknownFee(UnknownFeeException e, UriInfo uri) {
        return respond(new Problem(Problem.type("unknown-fee"), "Unknown fee", 404,
                "There is no fee with this code.", null, null), uri);
    }

    @ServerExceptionMapper
    public Response notInForce(FeeNotInForceException e, UriInfo uri) {
        return respond(new Problem(Problem.type("fee-not-in-force"), "The fee is not in force on that day", 422,
                e.getMessage(), null, null), uri);
    }

    @ServerExceptionMapper
    public Response invalidOptions(InvalidFeeOptionsException e, UriInfo uri) {
        return respond(new Problem(Problem.type("invalid-fee-options"), "The fee options are not valid", 400,
                "Check the options: " + String.join(", ", e.errors().keySet()), null, e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response baseAmountUnavailable(BaseAmountUnavailableException e, UriInfo uri) {
        return respond(new Problem(Problem.type("base-amount-unavailable"), "No base amount for that day", 422,
                e.getMessage(), null, null), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(uri.getPath()))
                .build();
    }
}
