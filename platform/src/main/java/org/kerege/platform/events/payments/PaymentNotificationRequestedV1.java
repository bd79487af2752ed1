package org.kerege.platform.events.payments;

import java.util.Map;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * payments-service asks for a message to the payer: the invoice number and amount when an invoice is
 * issued ({@code invoice-issued}), a receipt when it is paid ({@code payment-receipt}), and when it is
 * refunded ({@code payment-refunded}). A notification adapter renders the template in the language and
 * sends it. Never carries a secret.
 *
 * @param notificationId unique id of this request (aggregate id; the sender deduplicates by it)
 * @param recipient      the payer: a phone number in E.164 ({@code +996700123456}) or a subject id
 * @param language       BCP 47 language tag of the message, e.g. {@code ky}, {@code mn}, {@code en}
 * @param template       the template, e.g. {@code invoice-issued}, {@code payment-receipt}
 * @param params         the template's values (payment code, amount, currency, fee title, …)
 * @param reference      what the message is about: the invoice id
 */
@KeregeEvent(service = "payments", aggregate = "notification", name = "notification-requested", version = 1)
public record PaymentNotificationRequestedV1(String notificationId, String recipient, String language, String template,
                                             Map<String, String> params, String reference) implements Event {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
