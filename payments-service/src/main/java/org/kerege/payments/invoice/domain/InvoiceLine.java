package org.kerege.payments.invoice.domain;

import org.kerege.payments.fee.domain.Money;

/**
 * One beneficiary line of an invoice, fixed at issue time.
 *
 * @param lineId      the fee schedule's line id, e.g. {@code stamp-duty}
 * @param description what it pays for
 * @param account     beneficiary account
 * @param beneficiary beneficiary name
 * @param amount      amount
 */
public record InvoiceLine(String lineId, String description, String account, String beneficiary, Money amount) {
}
