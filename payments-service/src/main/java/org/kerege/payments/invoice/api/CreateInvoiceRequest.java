package org.kerege.payments.invoice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/invoices}.
 *
 * @param feeCode        the fee, e.g. {@code mn.passport.extension}
 * @param options        the fee's options as in a quote; values are strings, numbers or booleans
 * @param applicationRef the application the fee is for (status-service number), optional
 */
@Schema(name = "CreateInvoiceRequest")
public record CreateInvoiceRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
        @Schema(example = "mn.passport.extension") String feeCode,
        @Schema(example = "{\"years\": 3}") Map<String, Object> options,
        @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only")
        @Schema(example = "MN-2026-000123") String applicationRef) {
}
