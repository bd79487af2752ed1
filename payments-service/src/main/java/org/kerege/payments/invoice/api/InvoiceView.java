package org.kerege.payments.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceLine;

/** An invoice as the API shows it. Amounts are minor units, with the decimal text for display. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Invoice")
public record InvoiceView(
        UUID id,
        @Schema(description = "9 characters from 23456789ABCDEFGHJKMNPQRSTUVWXYZ, the last a check character",
                example = "7KQ4M9XR3") String paymentCode,
        @Schema(enumeration = {"ISSUED", "PAID", "CANCELLED", "EXPIRED", "REFUNDED"}) String status,
        @Schema(example = "mn.passport.extension") String feeCode,
        @Schema(example = "Extension of the Mongolian ordinary passport") String title,
        @Schema(example = "{\"years\": 3}") Map<String, Object> options,
        @Schema(description = "The day whose schedule and base amount were applied") LocalDate pricedOn,
        @Schema(example = "MN-2026-000123") String applicationRef,
        @Schema(example = "MNT") String currency,
        List<Line> lines,
        @Schema(example = "850000") long totalMinor,
        @Schema(example = "8500.00") String total,
        Instant issuedAt,
        Instant expiresAt,
        Instant cancelledAt,
        String cancelReason,
        @Schema(description = "EMV merchant-presented QR payload, while the invoice is payable (also as qr.png / qr.svg)")
        String qrPayload) {

    /** One beneficiary line. */
    @Schema(name = "InvoiceLine")
    public record Line(@Schema(example = "stamp-duty") String id,
                       @Schema(example = "Stamp duty") String description,
                       @Schema(example = "1401002649") String account,
                       @Schema(example = "ОӨУБЕГ") String beneficiary,
                       @Schema(example = "250000") long amountMinor,
                       @Schema(example = "2500.00") String amount) {
    }

    public static InvoiceView of(Invoice i) {
        return of(i, null);
    }

    public static InvoiceView of(Invoice i, String qrPayload) {
        return new InvoiceView(i.id(), i.paymentCode(), i.status().name(), i.feeCode(), i.title(), i.options(),
                i.pricedOn(), i.applicationRef(), i.total().currencyCode(),
                i.lines().stream().map(InvoiceView::line).toList(), i.total().minor(), i.total().format(),
                i.issuedAt(), i.expiresAt(), i.cancelledAt(), i.cancelReason(), qrPayload);
    }

    private static Line line(InvoiceLine l) {
        return new Line(l.lineId(), l.description(), l.account(), l.beneficiary(), l.amount().minor(), l.amount().format());
    }
}
