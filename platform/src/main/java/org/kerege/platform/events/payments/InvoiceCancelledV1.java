package org.kerege.platform.events.payments;

import java.time.Instant;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An unpaid invoice was cancelled by an officer (issued in error, or replaced): it is no longer
 * payable.
 *
 * @param invoiceId      the invoice's id (aggregate id)
 * @param applicationRef the application the fee was for, or null
 * @param reason         why, as the officer stated it
 * @param cancelledAt    when
 */
@KeregeEvent(service = "payments", aggregate = "invoice", name = "invoice-cancelled", version = 1)
public record InvoiceCancelledV1(String invoiceId, String applicationRef, String reason, Instant cancelledAt)
        implements Event {

    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
