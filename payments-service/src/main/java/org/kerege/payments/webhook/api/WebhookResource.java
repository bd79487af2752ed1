package org.kerege.payments.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.payments.webhook.persistence.WebhookStore;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Signed webhooks for banks and systems: subscribe, rotate the secret, read the delivery log. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed({Roles.ADMIN, Roles.BANK})
public class WebhookResource {

    private final Webhooks webhooks;
    private final Caller caller;

    public WebhookResource(Webhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** A subscription; {@code secret} only in the answer that created or rotated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Webhook")
    public record View(UUID id, @Schema(example = "https://hooks.golomtbank.example/kerege") String url,
                       @Schema(example = "[\"payment-received\"]") List<String> events,
                       @Schema(example = "golomt") String bank,
                       @Schema(description = "Shown once, when created or rotated") String secret,
                       @Schema(description = "Until when the previous secret also signs") Instant previousSecretValidUntil,
                       Instant createdAt) {
        static View of(WebhookStore.Hook h, String secret) {
            return new View(h.id(), h.url(), h.events(), h.bank(), secret, h.previousValidUntil(), h.createdAt());
        }
    }

    /** One delivery attempt record. */
    @Schema(name = "WebhookDelivery")
    public record DeliveryView(UUID id, UUID eventId, @Schema(example = "org.kerege.payments.payment-received.v1") String eventType,
                               @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status, int attempts,
                               Integer lastStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
                               Instant deliveredAt) {
        static DeliveryView of(WebhookStore.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastStatus(),
                    d.lastError(), "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.createdAt(), d.deliveredAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to events (admin, bank)",
            description = "Deliveries are POSTed with header Kerege-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\"> "
                    + "(and a second v1 with the previous secret during a rotation), retried with exponential back-off. "
                    + "A bank's subscription receives payment events of its own bank only. The secret is returned once.")
    public Response create(@Valid @NotNull(message = "the subscription is required") WebhookRequest request) {
        boolean bank = !caller.hasRole(Roles.ADMIN);
        String owner = bank ? caller.bank() : caller.subject();
        Webhooks.Created c = webhooks.create(bank ? Roles.BANK : Roles.ADMIN, owner, bank ? owner : null, request.url(),
                request.events(), request.secret());
        return Response.created(URI.create("/v1/webhooks/" + c.hook().id())).entity(View.of(c.hook(), c.secret())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A subscription (its owner, admin); never the secret")
    public View get(@PathParam("id") @Parameter(description = "Webhook id (UUID)") String id) {
        return View.of(webhooks.get(uuid(id), role(), owner()), null);
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the signing secret (its owner, admin)",
            description = "Returns the new secret once; the old one keeps signing (as a second v1) for the grace period.")
    public View rotate(@PathParam("id") @Parameter(description = "Webhook id (UUID)") String id,
                       @Valid @NotNull(message = "a body is required (may be {})") RotateRequest request) {
        Duration grace = null;
        if (request.gracePeriod() != null) {
            try {
                grace = Duration.parse(request.gracePeriod().startsWith("P") ? request.gracePeriod() : "PT" + request.gracePeriod());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("gracePeriod", "an ISO 8601 duration such as PT24H");
            }
            if (grace.isNegative() || grace.compareTo(Duration.ofDays(7)) > 0) {
                throw ProblemException.invalidField("gracePeriod", "from PT0S to P7D");
            }
        }
        Webhooks.Created c = webhooks.rotate(uuid(id), role(), owner(), grace, request.secret());
        return View.of(c.hook(), c.secret());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first (its owner, admin)")
    public List<DeliveryView> deliveries(@PathParam("id") @Parameter(description = "Webhook id (UUID)") String id,
                                         @QueryParam("limit") @Parameter(description = "1-500, default 100", example = "100")
                                         String limit) {
        int n = 100;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 500) {
                throw ProblemException.invalidField("limit", "from 1 to 500");
            }
        }
        return webhooks.deliveries(uuid(id), role(), owner(), n).stream().map(DeliveryView::of).toList();
    }

    private String role() {
        return caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : Roles.BANK;
    }

    private String owner() {
        return caller.hasRole(Roles.ADMIN) ? caller.subject() : caller.bank();
    }

    private static UUID uuid(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.notFound("Webhook", text == null ? "" : text.substring(0, Math.min(text.length(), 40)));
    }
}
