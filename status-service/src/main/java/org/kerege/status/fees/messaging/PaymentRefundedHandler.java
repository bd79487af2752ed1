package org.kerege.status.fees.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.PaymentRefundedV1;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/**
 * A refund of a paid fee. The fee records payments-service's running refunded total and becomes REFUNDED only
 * when payments-service says the whole payment was paid back ({@code fullyRefunded}); a partial refund leaves
 * it PAID. The refunded total only grows, so a second, distinct event about a refund already recorded (or an
 * older one) changes nothing.
 *
 * <p>The application's workflow is deliberately left alone: a refund may follow a withdrawal, an overpayment
 * or a mistake, and the officer decides what it means for the application.
 *
 * <p>A refund of an invoice not known here, or of a fee that is not PAID, is logged and dropped rather than
 * refused: retrying could not make it apply.
 */
@ApplicationScoped
public class PaymentRefundedHandler implements EventHandler<PaymentRefundedV1> {

    private static final Logger LOG = Logger.getLogger(PaymentRefundedHandler.class);

    @Override
    public Class<PaymentRefundedV1> eventClass() {
        return PaymentRefundedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, PaymentRefundedV1 event) {
        ApplicationFeeEntity fee = ApplicationFeeEntity.findById(event.invoiceId());
        if (fee == null) {
            LOG.infof("Refund %s of invoice %s, which was never issued here; nothing to change", event.refundId(),
                    event.invoiceId());
            return;
        }
        if (fee.status != ApplicationFeeEntity.Status.PAID) {
            LOG.infof("Refund %s of invoice %s while its fee is %s; the fee keeps that status", event.refundId(),
                    event.invoiceId(), fee.status);
            return;
        }
        if (fee.refundedMinor != null && event.refundedTotalMinor() <= fee.refundedMinor) {
            LOG.infof("Refund %s of invoice %s is already counted in the refunded total", event.refundId(),
                    event.invoiceId());
            return;
        }
        fee.refundedMinor = event.refundedTotalMinor();
        fee.refundCurrency = event.currency();
        fee.refundedAt = event.refundedAt();
        fee.refundReason = event.reason();
        if (event.fullyRefunded()) {
            fee.status = ApplicationFeeEntity.Status.REFUNDED;
        }
    }
}
