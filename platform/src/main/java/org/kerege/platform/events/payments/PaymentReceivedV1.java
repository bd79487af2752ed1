package org.kerege.platform.events.payments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * A bank paid an invoice in full: the fee of its application is paid. Published once per invoice.
 *
 * @param paymentId      the payment's id
 * @param invoiceId      the invoice paid (aggregate id)
 * @param paymentCode    the invoice's payment code
 * @param applicationRef the application the fee is for (status-service number or a key application id), or null
 * @param feeCode        the fee schedule code, e.g. {@code uz.e-key}
 * @param amountMinor    amount paid, in minor units
 * @param currency       ISO 4217 alphabetic code
 * @param bank           the paying bank's id (the {@code bank} claim of its token)
 * @param paidAt         when the bank's payment was recorded
 */
@KeregeEvent(service = "payments", aggregate = "invoice", name = "payment-received", version = 1)
public record PaymentReceivedV1(String paymentId, String invoiceId, String paymentCode, String applicationRef,
                                String feeCode, long amountMinor, String currency, String bank, Instant paidAt)
        implements Event {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
