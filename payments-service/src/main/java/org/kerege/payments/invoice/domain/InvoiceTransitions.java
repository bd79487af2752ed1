package org.kerege.payments.invoice.domain;

import java.util.List;
import java.util.Optional;

/**
 * The invoice state machine as data: every allowed move, and the event type it emits. Anything not in
 * the table is refused. CANCEL goes through {@link Invoice#cancel}; PAY, EXPIRE and REFUND are applied by
 * conditional SQL updates (payment.persistence.PaymentStore: {@code where status = 'ISSUED'} / {@code 'PAID'}) so
 * that concurrent requests and instances apply each edge at most once; payment.domain.PaymentRules says why
 * a payment is refused.
 */
public final class InvoiceTransitions {

    /**
     * One edge.
     *
     * @param from   status before
     * @param action what happens
     * @param to     status after
     * @param event  the event family it emits (CloudEvents name without version)
     */
    public record Transition(InvoiceStatus from, InvoiceAction action, InvoiceStatus to, String event) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(InvoiceStatus.ISSUED, InvoiceAction.PAY, InvoiceStatus.PAID, "payment-received"),
            new Transition(InvoiceStatus.ISSUED, InvoiceAction.CANCEL, InvoiceStatus.CANCELLED, "invoice-cancelled"),
            new Transition(InvoiceStatus.ISSUED, InvoiceAction.EXPIRE, InvoiceStatus.EXPIRED, "invoice-expired"),
            new Transition(InvoiceStatus.PAID, InvoiceAction.REFUND, InvoiceStatus.REFUNDED, "payment-refunded"));

    private InvoiceTransitions() {
    }

    public static Optional<Transition> find(InvoiceStatus from, InvoiceAction action) {
        return TABLE.stream().filter(t -> t.from() == from && t.action() == action).findFirst();
    }

    /** The edge, or {@link IllegalTransitionException} when the table has none. */
    public static Transition require(InvoiceStatus from, InvoiceAction action) {
        return find(from, action).orElseThrow(() -> new IllegalTransitionException(from, action));
    }
}
