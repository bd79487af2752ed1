package org.kerege.status.fees.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Roles;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/** The fees of an application, as the invoices payments-service issued for it. */
@Path("/v1/application-fees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Application fees")
public class ApplicationFeeResource {

    /**
     * One invoice of an application. Amounts in minor units of their currency. {@code refundedMinor} is everything
     * paid back so far (null when nothing was): equal to the total when the fee is REFUNDED, less while a partly
     * refunded fee stays PAID; {@code refundedAt} and {@code refundReason} describe the latest refund.
     */
    public record Fee(String invoiceId, String paymentCode, String feeCode, long totalMinor, String currency,
                      ApplicationFeeEntity.Status status, Instant issuedAt, Instant expiresAt, Instant paidAt, Instant cancelledAt,
                      String cancelReason, Instant expiredAt, Long refundedMinor, String refundCurrency, Instant refundedAt,
                      String refundReason) {
    }

    @GET
    @Path("/{applicationRef}")
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "Invoices issued for an application, oldest first: due, paid, cancelled, expired or refunded"
            + " (officer, service, admin)")
    public List<Fee> ofApplication(@PathParam("applicationRef") @Size(max = 64) String applicationRef) {
        return ApplicationFeeEntity.ofApplication(applicationRef).stream()
                .map(f -> new Fee(f.invoiceId, f.paymentCode, f.feeCode, f.totalMinor, f.currency, f.status,
                        f.issuedAt, f.expiresAt, f.paidAt, f.cancelledAt, f.cancelReason, f.expiredAt, f.refundedMinor,
                        f.refundCurrency, f.refundedAt, f.refundReason)).toList();
    }
}
