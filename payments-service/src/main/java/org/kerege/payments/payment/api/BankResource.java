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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.payments.PaymentsConfig;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** The API banking apps call: find an invoice by payment code or QR, pay it exactly once. */
@Path("/v1/bank")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bank")
@RolesAllowed(Roles.BANK)
public class BankResource {

    private final BankPayments payments;
    private final Caller caller;
    private final PaymentsConfig config;

    public BankResource(BankPayments payments, Caller caller, PaymentsConfig config) {
        this.payments = payments;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/invoices/{paymentCode}")
    @Operation(summary = "Look an invoice up by its payment code (bank)",
            description = "Case, spaces and hyphens are ignored. Shows the service name, the recipients and the amount. "
                    + "400 invalid-payment-code when the check character is wrong (mistyped); 404 when no invoice has it. "
                    + "status is EXPIRED as soon as the expiry has passed; payable tells whether it can be paid now.")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankInvoiceView.class)))
    public BankInvoiceView lookup(@PathParam("paymentCode") @Parameter(description = "The 9-character payment code",
            example = "7KQ4M9XRK") String paymentCode) {
        caller.bank();
        return payments.lookup(paymentCode);
    }

    @POST
    @Path("/qr/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the invoice of a scanned QR payload (bank)",
            description = "Checks the EMV payload's CRC-16 (tag 63): 422 qr-checksum-mismatch when it was altered; "
                    + "400 invalid-qr-payload when it is not a Kerege EMV payload; 422 qr-does-not-match-invoice when its "
                    + "amount, currency or bill number differ from the invoice.")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankInvoiceView.class)))
    public BankInvoiceView resolve(@Valid @NotNull(message = "a body with the payload is required") QrResolveRequest request) {
        caller.bank();
        return payments.resolve(request.payload());
    }

    @POST
    @Path("/invoices/{paymentCode}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay an invoice (bank; Idempotency-Key required)",
            description = "Exactly the invoice's amount and currency (422 amount-mismatch / currency-mismatch: no partial "
                    + "payment); only an ISSUED, unexpired invoice (409 invoice-already-paid, invoice-expired, "
                    + "invoice-cancelled). An invoice is paid at most once, whatever the concurrency. The same "
                    + "Idempotency-Key and body return the original response (Idempotent-Replayed: true); the same key "
                    + "with another body → 409 idempotency-key-reused. Announces payment-received and the payer's receipt.")
    @APIResponse(responseCode = "201", description = "Paid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    public Response pay(@PathParam("paymentCode") @Parameter(description = "The 9-character payment code",
                                example = "7KQ4M9XRK") String paymentCode,
                        @HeaderParam("Idempotency-Key") @Parameter(description = "Required: 1-255 visible ASCII characters, "
                                + "unique per payment of this bank", example = "golomt-7f3e2a10-5c1d-4b7e-9f0a-2d6c8e1b4a93")
                        String idempotencyKey,
                        @Valid @NotNull(message = "the payment is required") PayRequest request) {
        String bank = caller.bank();
        if (idempotencyKey == null && config.idempotency().required()) {
            throw ProblemException.invalidField("Idempotency-Key", "is required for payments");
        }
        if (idempotencyKey != null && !IdempotencyStore.isWellFormed(idempotencyKey)) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return payments.pay(bank, paymentCode, request, idempotencyKey).response().build();
    }
}
