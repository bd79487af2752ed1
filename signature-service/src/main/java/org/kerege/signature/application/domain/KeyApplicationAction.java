package org.kerege.signature.application.domain;

/** What can happen to a key application. */
public enum KeyApplicationAction {
    VERIFY_PHONE,
    INVOICE_FEE,
    RECORD_PAYMENT,
    APPROVE_IDENTITY,
    REJECT_IDENTITY,
    ISSUE
}
