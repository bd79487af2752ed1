package org.kerege.payments.invoice.api;

import jakarta.validation.Valid;
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
 * @param payer          whom to tell the payment code and amount now, and the receipt when paid; optional
 */
@Schema(name = "CreateInvoiceRequest")
public record CreateInvoiceRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
        @Schema(example = "mn.passport.extension") String feeCode,
        @Schema(example = "{\"years\": 3}") Map<String, Object> options,
        @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only")
        @Schema(example = "MN-2026-000123") String applicationRef,
        @Valid Notify payer) {

    /** Backwards-compatible constructor without a payer to notify. */
    public CreateInvoiceRequest(String feeCode, Map<String, Object> options, String applicationRef) {
        this(feeCode, options, applicationRef, null);
    }

    /**
     * The payer's contact for notification.requested.
     *
     * @param recipient a phone number in E.164 or a subject id (never a secret)
     * @param language  BCP 47 language of the messages, default {@code en}
     */
    @Schema(name = "InvoiceNotify")
    public record Notify(
            @NotBlank(message = "is required")
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}|[A-Za-z][A-Za-z0-9._:-]{0,63}",
                    message = "a phone number in E.164 (+996700123456) or a subject id")
            @Schema(example = "+97699112233") String recipient,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "a BCP 47 language tag such as mn or ky")
            @Schema(example = "mn") String language) {
    }
}
