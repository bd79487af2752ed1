package org.kerege.payments.payment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/payments/{id}/refunds}.
 *
 * @param amountMinor the amount to refund, minor units; omitted = everything not yet refunded
 * @param reason      why
 */
@Schema(name = "RefundRequest")
public record RefundRequest(
        @Positive(message = "must be positive") @Schema(example = "250000") Long amountMinor,
        @NotBlank(message = "is required") @Size(max = 500, message = "at most 500 characters")
        @Schema(example = "Application withdrawn before review") String reason) {
}
