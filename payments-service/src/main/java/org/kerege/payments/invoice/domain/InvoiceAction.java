package org.kerege.payments.invoice.domain;

/** What can happen to an invoice. */
public enum InvoiceAction {
    PAY, CANCEL, EXPIRE, REFUND
}
