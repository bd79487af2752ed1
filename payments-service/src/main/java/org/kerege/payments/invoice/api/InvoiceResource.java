package org.kerege.payments.invoice.api;

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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.payments.PaymentsConfig;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.payments.qr.domain.QrImages;

/** Invoices (payment slips): issue, read, cancel. */
@Path("/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
public class InvoiceResource {

    private final InvoiceCommands commands;
    private final Caller caller;
    private final PaymentsConfig config;

    public InvoiceResource(InvoiceCommands commands, Caller caller, PaymentsConfig config) {
        this.config = config;
        this.commands = commands;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE})
    @Operation(summary = "Issue an invoice (officer, service)",
            description = "Prices the fee today (in the fee country's zone) and fixes the amounts, draws a payment code, "
                    + "and announces invoice-issued. With an Idempotency-Key: the same key and body return the original "
                    + "response (header Idempotent-Replayed: true); the same key with another body → 409 "
                    + "idempotency-key-reused. 400 invalid-fee-options (fields options.<name>); 404 unknown-fee; "
                    + "422 free-service-not-payable, fee-not-in-force.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
    public Response issue(
            @HeaderParam("Idempotency-Key") @Parameter(description = "1-255 visible ASCII characters, unique per request",
                    example = "3f1c9a52-6b0e-4f3e-9a7d-0c2b8e5d4a11") String idempotencyKey,
            @Valid @NotNull(message = "the invoice request is required") CreateInvoiceRequest request) {
        if (idempotencyKey != null && !IdempotencyStore.isWellFormed(idempotencyKey)) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        String office = caller.hasRole(Roles.OFFICER) ? caller.office() : caller.claim("office").orElse(null);
        IdempotentAnswer created = commands.issue(request, options(request.options()), idempotencyKey,
                caller.subject(), office);
        Response.ResponseBuilder response = created.response();
        if (created.status() == 201) {
            response.location(URI.create("/v1/invoices/" + created.id()));
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "An invoice (officer, service, admin)")
    public InvoiceView get(@PathParam("id") @Parameter(description = "Invoice id (UUID)") String id) {
        UUID invoiceId = id(id);
        return commands.find(invoiceId).map(commands::view).orElseThrow(() -> ProblemException.notFound("Invoice", id));
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces("image/png")
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "The invoice's payment QR code as PNG (officer, service, admin)",
            description = "EMV merchant-presented payload (see qrPayload). 409 invoice-not-payable when paid, cancelled "
                    + "or expired.")
    @APIResponse(responseCode = "200", description = "PNG image", content = @Content(mediaType = "image/png"))
    public Response png(@PathParam("id") @Parameter(description = "Invoice id (UUID)") String id) {
        String payload = commands.qrPayload(id(id));
        return Response.ok(QrImages.png(payload, config.qr().pngModulePixels()), "image/png")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "The invoice's payment QR code as vector SVG (officer, service, admin)",
            description = "Drawn from the QR module matrix as one vector path (no embedded raster). 409 "
                    + "invoice-not-payable when paid, cancelled or expired.")
    @APIResponse(responseCode = "200", description = "SVG image", content = @Content(mediaType = "image/svg+xml"))
    public Response svg(@PathParam("id") @Parameter(description = "Invoice id (UUID)") String id) {
        String payload = commands.qrPayload(id(id));
        return Response.ok(QrImages.svg(payload), "image/svg+xml").header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Cancel an issued invoice (officer, admin)",
            description = "ISSUED → CANCELLED, announced as invoice-cancelled. 409 invoice-not-cancellable when the "
                    + "invoice is not ISSUED (already cancelled, paid, expired).")
    public InvoiceView cancel(@PathParam("id") @Parameter(description = "Invoice id (UUID)") String id,
                              @Valid @NotNull(message = "a reason is required") CancelInvoiceRequest request) {
        UUID invoiceId = id(id);
        return commands.view(commands.cancel(invoiceId, request.reason(), caller.subject()));
    }

    /** A malformed id names no invoice: 404, like an unknown one. */
    private static UUID id(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Invoice", text == null ? "" : text.substring(0, Math.min(text.length(), 40)));
    }

    /** Option values as text; strings, numbers and booleans only. */
    private static Map<String, String> options(Map<String, Object> raw) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> errors = new TreeMap<>();
        if (raw != null) {
            raw.forEach((name, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    options.put(name, value.toString());
                } else {
                    errors.put("options." + name, "must be a string, number or boolean");
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-fee-options", "The fee options are not valid",
                    "Check the options: " + String.join(", ", errors.keySet()), errors);
        }
        return options;
    }
}
