package org.kerege.status.fees.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.InvoiceCancelledV1;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/**
 * A cancelled invoice is no longer due. The invoice's own issued event always comes first (same
 * aggregate, same partition, relayed in order); a cancellation of an unknown invoice is therefore a
 * defect and is refused, so it is retried and then dead-lettered rather than lost.
 */
@ApplicationScoped
public class InvoiceCancelledHandler implements EventHandler<InvoiceCancelledV1> {

    @Override
    public Class<InvoiceCancelledV1> eventClass() {
        return InvoiceCancelledV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, InvoiceCancelledV1 event) {
        ApplicationFeeEntity fee = ApplicationFeeEntity.findById(event.invoiceId());
        if (fee == null) {
            throw new IllegalStateException("Invoice " + event.invoiceId() + " cancelled before it was issued here");
        }
        fee.status = ApplicationFeeEntity.Status.CANCELLED;
        fee.cancelledAt = event.cancelledAt();
        fee.cancelReason = event.reason();
    }
}
