package org.kerege.payments.invoice.domain;

/** An action the invoice's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final InvoiceStatus from;
    private final InvoiceAction action;

    public IllegalTransitionException(InvoiceStatus from, InvoiceAction action) {
        super("An invoice in status " + from + " cannot " + action.name().toLowerCase(java.util.Locale.ROOT));
        this.from = from;
        this.action = action;
    }

    public InvoiceStatus from() {
        return from;
    }

    public InvoiceAction action() {
        return action;
    }
}
