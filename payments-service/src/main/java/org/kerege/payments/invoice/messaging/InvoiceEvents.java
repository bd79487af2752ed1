package org.kerege.payments.invoice.messaging;

import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.platform.events.payments.InvoiceCancelledV1;
import org.kerege.platform.events.payments.InvoiceIssuedV1;

/** What other services are told about invoices (no personal data: codes, amounts, references). */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    public static InvoiceIssuedV1 issued(Invoice i) {
        return new InvoiceIssuedV1(i.id().toString(), i.paymentCode(), i.applicationRef(), i.feeCode(),
                i.total().minor(), i.total().currencyCode(),
                i.lines().stream().map(l -> new InvoiceIssuedV1.Line(l.description(), l.account(), l.beneficiary(),
                        l.amount().minor())).toList(),
                i.issuedAt(), i.expiresAt());
    }

    public static InvoiceCancelledV1 cancelled(Invoice i) {
        return new InvoiceCancelledV1(i.id().toString(), i.applicationRef(), i.cancelReason(), i.cancelledAt());
    }
}
