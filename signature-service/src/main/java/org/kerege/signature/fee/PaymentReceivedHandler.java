package org.kerege.signature.fee;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.payments.PaymentReceivedV1;
import org.kerege.signature.application.KeyApplicationService;

/**
 * payment-received from payments-service: when the invoice is a key application's fee, the
 * application becomes PAID. Payments of other fees travel on the same topic and are ignored.
 */
@ApplicationScoped
public class PaymentReceivedHandler implements EventHandler<PaymentReceivedV1> {

    private final KeyApplicationService applications;

    public PaymentReceivedHandler(KeyApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public Class<PaymentReceivedV1> eventClass() {
        return PaymentReceivedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, PaymentReceivedV1 event) {
        if (!PaymentsClient.FEE_CODE.equals(event.feeCode()) || event.invoiceId() == null) {
            return;
        }
        UUID invoiceId;
        try {
            invoiceId = UUID.fromString(event.invoiceId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payment-received with a malformed invoice id");
        }
        applications.recordPayment(invoiceId, event.paymentId(), event.paidAt());
    }
}
