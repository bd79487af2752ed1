package org.kerege.payments.payment.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceStatus;

/** What a bank app shows before the payer confirms: the service, who receives the money, how much. */
@Schema(name = "BankInvoice")
public record BankInvoiceView(
        @Schema(example = "7KQ4M9XRK") String paymentCode,
        @Schema(description = "EXPIRED as soon as the expiry has passed",
                enumeration = {"ISSUED", "PAID", "CANCELLED", "EXPIRED", "REFUNDED"}) String status,
        @Schema(description = "true only when ISSUED and not expired") boolean payable,
        @Schema(example = "Extension of the Mongolian ordinary passport") String serviceName,
        @Schema(example = "mn.passport.extension") String feeCode,
        List<Recipient> recipients,
        @Schema(example = "850000") long amountMinor,
        @Schema(example = "8500.00") String amount,
        @Schema(example = "MNT") String currency,
        Instant expiresAt) {

    /** One beneficiary of the payment. */
    @Schema(name = "BankInvoiceRecipient")
    public record Recipient(@Schema(example = "ОӨУБЕГ") String beneficiary, @Schema(example = "1401001101") String account,
                            @Schema(example = "Passport extension (2000 MNT per year)") String description,
                            @Schema(example = "600000") long amountMinor, @Schema(example = "6000.00") String amount) {
    }

    public static BankInvoiceView of(Invoice i, InvoiceStatus effective) {
        return new BankInvoiceView(i.paymentCode(), effective.name(), effective == InvoiceStatus.ISSUED, i.title(),
                i.feeCode(), i.lines().stream().map(l -> new Recipient(l.beneficiary(), l.account(), l.description(),
                        l.amount().minor(), l.amount().format())).toList(),
                i.total().minor(), i.total().format(), i.total().currencyCode(), i.expiresAt());
    }
}
