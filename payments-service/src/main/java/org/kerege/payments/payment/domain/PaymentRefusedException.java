package org.kerege.payments.payment.domain;

/** A bank's payment was refused by a rule; {@link #reason()} says which. */
public class PaymentRefusedException extends RuntimeException {

    /** Why. The HTTP status and problem name of each reason are fixed by the API. */
    public enum Reason {
        /** Different currency: 422. */
        CURRENCY_MISMATCH,
        /** Less (a partial payment) or more than the invoice: 422. */
        AMOUNT_MISMATCH,
        /** Already paid (or paid and refunded): 409. */
        ALREADY_PAID,
        /** Past its expiry: 409. */
        EXPIRED,
        /** Cancelled by an officer: 409. */
        CANCELLED
    }

    private final Reason reason;

    public PaymentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
