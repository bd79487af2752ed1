package org.kerege.payments.payment.domain;

import java.time.Instant;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceStatus;

/**
 * When a bank may pay an invoice: exactly the invoice's amount in its currency (no partial payment, no
 * over-payment), only while it is ISSUED and before it expires. The database enforces the "only once"
 * under concurrency; these rules decide what to tell the bank.
 */
public final class PaymentRules {

    private PaymentRules() {
    }

    /** The status a bank sees: an ISSUED invoice past its expiry is EXPIRED even before the job marks it. */
    public static InvoiceStatus effectiveStatus(Invoice invoice, Instant now) {
        if (invoice.status() == InvoiceStatus.ISSUED && !now.isBefore(invoice.expiresAt())) {
            return InvoiceStatus.EXPIRED;
        }
        return invoice.status();
    }

    /**
     * Checks a payment against an invoice.
     *
     * @throws PaymentRefusedException naming the first rule broken: status first (a paid invoice is "already
     *                                 paid" whatever the amount), then currency, then amount
     */
    public static void check(Invoice invoice, long amountMinor, String currency, Instant now) {
        switch (effectiveStatus(invoice, now)) {
            case ISSUED -> {
            }
            case PAID, REFUNDED -> throw new PaymentRefusedException(PaymentRefusedException.Reason.ALREADY_PAID,
                    "Invoice " + invoice.paymentCode() + " is already paid.");
            case EXPIRED -> throw new PaymentRefusedException(PaymentRefusedException.Reason.EXPIRED,
                    "Invoice " + invoice.paymentCode() + " expired at " + invoice.expiresAt() + "; a new invoice is needed.");
            case CANCELLED -> throw new PaymentRefusedException(PaymentRefusedException.Reason.CANCELLED,
                    "Invoice " + invoice.paymentCode() + " was cancelled.");
        }
        if (!invoice.total().currencyCode().equals(currency)) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.CURRENCY_MISMATCH,
                    "The invoice is in " + invoice.total().currencyCode() + ", not " + currency + ".");
        }
        if (invoice.total().minor() != amountMinor) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.AMOUNT_MISMATCH,
                    "The invoice is for exactly " + invoice.total() + " (" + invoice.total().minor()
                            + " minor units); partial and excess payments are refused.");
        }
    }
}
