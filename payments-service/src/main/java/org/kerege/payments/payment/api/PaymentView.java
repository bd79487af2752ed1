package org.kerege.payments.payment.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded payment (the receipt a bank gets). */
@Schema(name = "Payment")
public record PaymentView(UUID paymentId, UUID invoiceId, @Schema(example = "7KQ4M9XRK") String paymentCode,
                          @Schema(example = "PAID") String status, @Schema(example = "850000") long amountMinor,
                          @Schema(example = "8500.00") String amount, @Schema(example = "MNT") String currency,
                          @Schema(example = "golomt") String bank,
                          @Schema(example = "GOLOMT-20261121-000042") String bankReference, Instant paidAt,
                          @Schema(example = "0") long refundedMinor) {
}
