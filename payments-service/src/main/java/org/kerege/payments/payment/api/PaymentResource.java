package org.kerege.payments.payment.api;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Recorded payments and their refunds (officers, admins). */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {

    private final BankPayments payments;
    private final Caller caller;

    public PaymentResource(BankPayments payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "A payment (officer, admin)")
    public PaymentView get(@PathParam("id") @Parameter(description = "Payment id (UUID)") String id) {
        return payments.payment(uuid(id));
    }

    @POST
    @Path("/{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Refund a payment, fully or in part (officer, admin)",
            description = "amountMinor omitted = all that is not refunded yet; at most what is left (422 "
                    + "refund-not-possible). When the whole payment is refunded the invoice becomes REFUNDED. Announces "
                    + "payment-refunded. Optional Idempotency-Key: same key and body → the original response.")
    public Response refund(@PathParam("id") @Parameter(description = "Payment id (UUID)") String id,
                           @HeaderParam("Idempotency-Key") @Parameter(description = "1-255 visible ASCII characters",
                                   example = "refund-0b6f2c1e") String idempotencyKey,
                           @Valid @NotNull(message = "a reason is required") RefundRequest request) {
        UUID paymentId = uuid(id);
        if (idempotencyKey != null && !IdempotencyStore.isWellFormed(idempotencyKey)) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return payments.refund(paymentId, request.amountMinor(), request.reason().strip(), caller.subject(),
                idempotencyKey).response().build();
    }

    static UUID uuid(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Payment", text == null ? "" : text.substring(0, Math.min(text.length(), 40)));
    }
}
