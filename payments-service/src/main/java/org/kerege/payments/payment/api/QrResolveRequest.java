package org.kerege.payments.payment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/bank/qr/resolve}: the text a bank app read from the QR code. */
@Schema(name = "QrResolveRequest")
public record QrResolveRequest(
        @NotBlank(message = "is required") @Size(max = 512, message = "at most 512 characters")
        @Schema(example = "00020101021226270010org.kerege01097KQ4M9XRK52049399530349654078500.005802MN5920KEREGE MN STATE FEES6011ULAANBAATAR621301097KQ4M9XRK63049B21")
        String payload) {
}
