package org.kerege.status.fees.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.InvoiceExpiredV1;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/**
 * An invoice left unpaid past its expiry is no longer payable, so its fee must stop showing as due. Only a DUE fee
 * expires: a fee already paid or cancelled keeps what it shows. An expiry of an invoice not known here is logged and
 * dropped rather than refused; it would only be retried and dead-lettered, and there is no due fee to correct.
 */
@ApplicationScoped
public class InvoiceExpiredHandler implements EventHandler<InvoiceExpiredV1> {

    private static final Logger LOG = Logger.getLogger(InvoiceExpiredHandler.class);

    @Override
    public Class<InvoiceExpiredV1> eventClass() {
        return InvoiceExpiredV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, InvoiceExpiredV1 event) {
        ApplicationFeeEntity fee = ApplicationFeeEntity.findById(event.invoiceId());
        if (fee == null) {
            LOG.infof("Invoice %s expired but was never issued here; nothing to change", event.invoiceId());
            return;
        }
        if (fee.status != ApplicationFeeEntity.Status.DUE) {
            LOG.infof("Invoice %s expired while its fee is %s; the fee keeps that status", event.invoiceId(), fee.status);
            return;
        }
        fee.status = ApplicationFeeEntity.Status.EXPIRED;
        fee.expiredAt = event.expiredAt();
    }
}
