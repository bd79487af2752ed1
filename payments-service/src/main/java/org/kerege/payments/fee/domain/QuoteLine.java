package org.kerege.payments.fee.domain;

/**
 * One computed line of a quote.
 *
 * @param id          the line rule's id
 * @param description what it pays for
 * @param account     beneficiary account
 * @param beneficiary beneficiary name
 * @param amount      the amount, rounded to the minor unit
 * @param fromSource  false when amount or account is configuration still to be confirmed
 * @param calculation how the amount was found, e.g. {@code 2000.00 MNT × 3}
 */
public record QuoteLine(String id, String description, String account, String beneficiary, Money amount,
                        boolean fromSource, String calculation) {
}
