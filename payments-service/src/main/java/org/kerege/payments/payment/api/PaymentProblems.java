package org.kerege.payments.payment.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.payments.payment.domain.PaymentRefusedException;
import org.kerege.platform.problem.Problem;

/** Problem documents for refused payments: 409 for the invoice's state, 422 for a wrong amount or currency. */
public class PaymentProblems {

    @ServerExceptionMapper
    public Response refused(PaymentRefusedException e, UriInfo uri) {
        Problem p = switch (e.reason()) {
            case ALREADY_PAID -> new Problem(Problem.type("invoice-already-paid"), "The invoice is already paid", 409,
                    e.getMessage(), null, null);
            case EXPIRED -> new Problem(Problem.type("invoice-expired"), "The invoice has expired", 409, e.getMessage(),
                    null, null);
            case CANCELLED -> new Problem(Problem.type("invoice-cancelled"), "The invoice was cancelled", 409,
                    e.getMessage(), null, null);
            case AMOUNT_MISMATCH -> new Problem(Problem.type("amount-mismatch"), "The amount is not the invoice's", 422,
                    e.getMessage(), null, java.util.Map.of("amountMinor", "must equal the invoice total"));
            case CURRENCY_MISMATCH -> new Problem(Problem.type("currency-mismatch"), "The currency is not the invoice's",
                    422, e.getMessage(), null, java.util.Map.of("currency", "must equal the invoice currency"));
        };
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.withInstance(uri.getPath())).build();
    }
}
