package org.kerege.platform.events.payments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An officer refunded (part of) a received payment. When {@code fullyRefunded} is true the invoice is
 * REFUNDED: its fee counts as unpaid again.
 *
 * @param refundId         the refund's id
 * @param paymentId        the payment refunded
 * @param invoiceId        the invoice paid (aggregate id)
 * @param applicationRef   the application the fee was for, or null
 * @param amountMinor      amount of this refund, in minor units
 * @param currency         ISO 4217 alphabetic code
 * @param refundedTotalMinor everything refunded of the payment so far, this refund included
 * @param fullyRefunded    whether the whole payment is now refunded
 * @param bank             the bank that received the payment (and pays the money back)
 * @param reason           why, as the officer stated it
 * @param refundedAt       when
 */
@KeregeEvent(service = "payments", aggregate = "invoice", name = "payment-refunded", version = 1)
public record PaymentRefundedV1(String refundId, String paymentId, String invoiceId, String applicationRef,
                                long amountMinor, String currency, long refundedTotalMinor, boolean fullyRefunded,
                                String bank, String reason, Instant refundedAt) implements Event {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
