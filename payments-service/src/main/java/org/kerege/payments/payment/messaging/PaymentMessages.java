package org.kerege.payments.payment.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.payment.persistence.PaymentStore;
import org.kerege.platform.events.payments.InvoiceExpiredV1;
import org.kerege.platform.events.payments.PaymentNotificationRequestedV1;
import org.kerege.platform.events.payments.PaymentReceivedV1;
import org.kerege.platform.events.payments.PaymentRefundedV1;

/** The events of payments and the payer's messages. No secret and no personal data beyond the recipient. */
public final class PaymentMessages {

    public static final String TEMPLATE_ISSUED = "invoice-issued";
    public static final String TEMPLATE_RECEIPT = "payment-receipt";
    public static final String TEMPLATE_REFUNDED = "payment-refunded";

    private PaymentMessages() {
    }

    public static PaymentReceivedV1 received(PaymentStore.PaymentRow p, Invoice i) {
        return new PaymentReceivedV1(p.id().toString(), i.id().toString(), i.paymentCode(), i.applicationRef(),
                i.feeCode(), p.amountMinor(), p.currency(), p.bank(), p.paidAt());
    }

    public static InvoiceExpiredV1 expired(PaymentStore.Expired e, Instant at) {
        return new InvoiceExpiredV1(e.id().toString(), e.paymentCode(), e.applicationRef(), e.feeCode(), e.expiresAt(), at);
    }

    public static PaymentRefundedV1 refunded(UUID refundId, PaymentStore.PaymentRow p, Invoice i, long amount, long total,
                                             boolean full, String reason, Instant at) {
        return new PaymentRefundedV1(refundId.toString(), p.id().toString(), i.id().toString(), i.applicationRef(), amount,
                p.currency(), total, full, p.bank(), reason, at);
    }

    /** "Invoice 7KQ4M9XR3 for 8500.00 MNT (passport extension), payable until …". */
    public static PaymentNotificationRequestedV1 issuedNotice(Invoice i, String recipient, String language) {
        Map<String, String> params = base(i);
        params.put("expiresAt", i.expiresAt().toString());
        return new PaymentNotificationRequestedV1(UUID.randomUUID().toString(), recipient, language, TEMPLATE_ISSUED,
                params, i.id().toString());
    }

    /** The receipt: what was paid, when, through which bank. */
    public static PaymentNotificationRequestedV1 receipt(PaymentStore.PaymentRow p, Invoice i, PaymentStore.NotifyTarget t) {
        Map<String, String> params = base(i);
        params.put("paymentId", p.id().toString());
        params.put("paidAt", p.paidAt().toString());
        params.put("bank", p.bank());
        return new PaymentNotificationRequestedV1(UUID.randomUUID().toString(), t.recipient(), t.language(),
                TEMPLATE_RECEIPT, params, i.id().toString());
    }

    public static PaymentNotificationRequestedV1 refundNotice(UUID refundId, PaymentStore.PaymentRow p, Invoice i,
                                                              long amount, PaymentStore.NotifyTarget t) {
        Map<String, String> params = base(i);
        params.put("refundId", refundId.toString());
        params.put("refundMinor", Long.toString(amount));
        params.put("bank", p.bank());
        return new PaymentNotificationRequestedV1(UUID.randomUUID().toString(), t.recipient(), t.language(),
                TEMPLATE_REFUNDED, params, i.id().toString());
    }

    private static Map<String, String> base(Invoice i) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("paymentCode", i.paymentCode());
        params.put("feeCode", i.feeCode());
        params.put("title", i.title());
        params.put("amount", i.total().format());
        params.put("amountMinor", Long.toString(i.total().minor()));
        params.put("currency", i.total().currencyCode());
        return params;
    }
}
