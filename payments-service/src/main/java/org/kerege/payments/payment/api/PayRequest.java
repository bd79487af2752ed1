package org.kerege.payments.payment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/bank/invoices/{paymentCode}/payments}: exactly the invoice's amount.
 *
 * @param amountMinor   amount paid, minor units; must equal the invoice total
 * @param currency      ISO 4217 alphabetic code; must equal the invoice currency
 * @param bankReference the bank's own reference of the transfer (for reconciliation), optional
 */
@Schema(name = "PayRequest")
public record PayRequest(
        @NotNull(message = "is required") @Positive(message = "must be positive") @Schema(example = "850000") Long amountMinor,
        @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        @Schema(example = "MNT") String currency,
        @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "letters, digits and . _ : / - only")
        @Schema(example = "GOLOMT-20261121-000042") String bankReference) {
}
