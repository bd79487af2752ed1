package org.kerege.status.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.PaymentReceivedV1;
import org.kerege.status.application.ApplicationCommands;
import org.kerege.status.fees.persistence.ApplicationFeeEntity;

/**
 * A bank paid an application's invoice: the fee shows as paid and the application moves to fee-paid with
 * no officer step. Exactly once: the inbox drops a redelivered event id, and a second distinct event for
 * the same invoice is recognised by the invoice id ({@code fee_payment}) and changes nothing.
 */
@ApplicationScoped
public class PaymentReceivedHandler implements EventHandler<PaymentReceivedV1> {

    private final ApplicationCommands commands;

    public PaymentReceivedHandler(ApplicationCommands commands) {
        this.commands = commands;
    }

    @Override
    public Class<PaymentReceivedV1> eventClass() {
        return PaymentReceivedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, PaymentReceivedV1 event) {
        ApplicationFeeEntity fee = ApplicationFeeEntity.findById(event.invoiceId());
        if (fee != null && fee.status == ApplicationFeeEntity.Status.DUE) {
            fee.status = ApplicationFeeEntity.Status.PAID;
            fee.paidAt = event.paidAt();
        }
        commands.feePaid(event);
    }
}
