package org.kerege.platform.events.payments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An invoice was not paid before its expiry: it is no longer payable (a new invoice must be issued).
 *
 * @param invoiceId      the invoice's id (aggregate id)
 * @param paymentCode    the invoice's payment code
 * @param applicationRef the application the fee was for, or null
 * @param feeCode        the fee schedule code
 * @param expiresAt      the expiry the invoice had
 * @param expiredAt      when the expiry was recorded (at or after {@code expiresAt})
 */
@KeregeEvent(service = "payments", aggregate = "invoice", name = "invoice-expired", version = 1)
public record InvoiceExpiredV1(String invoiceId, String paymentCode, String applicationRef, String feeCode,
                               Instant expiresAt, Instant expiredAt) implements Event {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
