package org.kerege.status.fees.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.InvoiceIssuedV1;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/** An issued invoice becomes a fee due on its application. */
@ApplicationScoped
public class InvoiceIssuedHandler implements EventHandler<InvoiceIssuedV1> {

    @Override
    public Class<InvoiceIssuedV1> eventClass() {
        return InvoiceIssuedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, InvoiceIssuedV1 event) {
        ApplicationFeeEntity fee = ApplicationFeeEntity.findById(event.invoiceId());
        if (fee != null) {
            // Only a second, distinct event for the same invoice gets here (the inbox drops redeliveries).
            fee.timesApplied++;
            return;
        }
        fee = new ApplicationFeeEntity();
        fee.invoiceId = event.invoiceId();
        fee.paymentCode = event.paymentCode();
        fee.applicationRef = event.applicationRef();
        fee.feeCode = event.feeCode();
        fee.totalMinor = event.totalMinor();
        fee.currency = event.currency();
        fee.status = ApplicationFeeEntity.Status.DUE;
        fee.issuedAt = event.issuedAt();
        fee.expiresAt = event.expiresAt();
        fee.timesApplied = 1;
        fee.persist();
    }
}
