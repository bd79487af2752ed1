package org.kerege.payments.invoice.domain;

/** Where an invoice is in its life. See {@link InvoiceTransitions} for the allowed moves. */
public enum InvoiceStatus {
    /** Payable by its payment code or QR until it expires. */
    ISSUED,
    /** Paid in full (a bank confirmed the payment). */
    PAID,
    /** Cancelled by an officer before payment; never payable again. */
    CANCELLED,
    /** Not paid before its expiry; never payable again. */
    EXPIRED,
    /** Paid, then refunded by an officer. */
    REFUNDED
}
