package org.kerege.payments.invoice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/invoices/{id}/cancel}. */
@Schema(name = "CancelInvoiceRequest")
public record CancelInvoiceRequest(
        @NotBlank(message = "is required") @Size(max = 500, message = "at most 500 characters")
        @Schema(example = "Issued for the wrong number of years") String reason) {
}
