package org.kerege.payments.invoice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.platform.problem.Problem;
import org.kerege.payments.invoice.domain.FreeServiceNotPayableException;
import org.kerege.payments.invoice.domain.IllegalTransitionException;
import org.kerege.payments.invoice.domain.InvoiceAction;

/** Problem documents for the invoice domain's refusals. */
public class InvoiceProblems {

    @ServerExceptionMapper
    public Response free(FreeServiceNotPayableException e, UriInfo uri) {
        return respond(new Problem(Problem.type("free-service-not-payable"), "A free service is not payable", 422,
                e.getMessage(), null, null), uri);
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        String name = e.action() == InvoiceAction.CANCEL ? "invoice-not-cancellable" : "invoice-transition-not-allowed";
        return respond(new Problem(Problem.type(name), "The invoice's status does not allow this", 409,
                e.getMessage(), null, null), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(uri.getPath()))
                .build();
    }
}
