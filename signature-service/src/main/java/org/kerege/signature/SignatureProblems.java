package org.kerege.signature;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.platform.problem.ProblemException;
import org.kerege.signature.application.domain.OneTimeCodes;
import org.kerege.signature.application.persistence.KeyApplicationStore;
import org.kerege.signature.ca.domain.InvalidRequestException;
import org.kerege.signature.identity.domain.InvalidIdentifierException;

/** Domain exceptions of this service as RFC 9457 problems (through the platform's ProblemException mapper). */
public class SignatureProblems {

    private static final org.kerege.platform.problem.ProblemMappers mappers = new org.kerege.platform.problem.ProblemMappers();

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e, jakarta.ws.rs.core.UriInfo uri) {
        return mappers.problem(new ProblemException(400, "validation-failed", "The request is not valid",
                e.field() + ": " + e.getMessage(), Map.of(e.field(), e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, jakarta.ws.rs.core.UriInfo uri) {
        return mappers.problem(new ProblemException(400, "validation-failed", "The request is not valid",
                e.field() + ": " + e.getMessage(), Map.of(e.field(), e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response rateLimited(OneTimeCodes.RateLimitedException e, jakarta.ws.rs.core.UriInfo uri) {
        Response r = mappers.problem(new ProblemException(429, "too-many-codes", "Too many codes requested",
                "Wait " + Math.max(1, e.retryAfter().toSeconds()) + " s before asking for another code."), uri);
        return Response.fromResponse(r).header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response concurrent(KeyApplicationStore.ConcurrentChangeException e, jakarta.ws.rs.core.UriInfo uri) {
        return mappers.problem(ProblemException.conflict("concurrent-change", "Changed at the same time",
                "The key application was changed by another request; retry."), uri);
    }
}
