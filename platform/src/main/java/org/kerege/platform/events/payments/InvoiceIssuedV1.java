package org.kerege.platform.events.payments;

import java.time.Instant;
import java.util.List;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.KeregeEvent;

/**
 * An invoice (payment slip) was issued: the payer can now pay it by its payment code or QR. Amounts
 * are minor units of the invoice currency. The payer is told the code and amount through
 * {@code notification.requested}; this event carries no personal data.
 *
 * @param invoiceId      the invoice's id (aggregate id)
 * @param paymentCode    the short human code a bank app accepts
 * @param applicationRef the application the fee is for (status-service number), or null
 * @param feeCode        the fee schedule code, e.g. {@code mn.passport.extension}
 * @param totalMinor     total in minor units
 * @param currency       ISO 4217 alphabetic code
 * @param lines          one line per beneficiary account
 * @param issuedAt       when it was issued
 * @param expiresAt      when it stops being payable
 */
@KeregeEvent(service = "payments", aggregate = "invoice", name = "invoice-issued", version = 1)
public record InvoiceIssuedV1(String invoiceId, String paymentCode, String applicationRef, String feeCode,
                              long totalMinor, String currency, List<Line> lines, Instant issuedAt,
                              Instant expiresAt) implements Event {

    @Override
    public String aggregateId() {
        return invoiceId;
    }

    /**
     * One beneficiary line.
     *
     * @param description what the line pays for, in English
     * @param account     the beneficiary's bank account
     * @param beneficiary the beneficiary's name as the source writes it
     * @param amountMinor amount in minor units
     */
    public record Line(String description, String account, String beneficiary, long amountMinor) {
    }
}
