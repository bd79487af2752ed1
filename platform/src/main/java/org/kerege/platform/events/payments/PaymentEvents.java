package org.kerege.platform.events.payments;

import java.util.List;
import org.kerege.platform.events.Event;

/** The event records of payments-service, in the order the AsyncAPI document lists them. */
public final class PaymentEvents {

    public static final List<Class<? extends Event>> ALL = List.of(InvoiceIssuedV1.class, InvoiceCancelledV1.class, PaymentReceivedV1.class,
            InvoiceExpiredV1.class, PaymentRefundedV1.class, PaymentNotificationRequestedV1.class);

    private PaymentEvents() {
    }
}
