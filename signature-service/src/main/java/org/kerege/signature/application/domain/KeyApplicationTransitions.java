package org.kerege.signature.application.domain;

import java.util.List;
import java.util.Optional;

/**
 * The key application state machine as data: every allowed edge, and the event it emits (the
 * {@code name} of a signature event, or null). Anything not listed is refused.
 *
 * <pre>
 * SUBMITTED ─verify phone→ PHONE_VERIFIED ─invoice fee→ FEE_INVOICED ─payment received→ PAID
 *   ─identity approved→ IDENTITY_CHECKED ─issue (CSR or .pfx)→ ISSUED
 * PHONE_VERIFIED | FEE_INVOICED | PAID ─identity rejected→ REJECTED
 * </pre>
 * Submission itself emits {@code key-application-submitted}.
 */
public final class KeyApplicationTransitions {

    /** The event every new application emits. */
    public static final String SUBMITTED_EVENT = "key-application-submitted";

    /** One edge. */
    public record Transition(KeyApplicationStatus from, KeyApplicationAction action, KeyApplicationStatus to,
                             String event) {
    }

    public static final List<Transition> ALL = List.of(
            new Transition(KeyApplicationStatus.SUBMITTED, KeyApplicationAction.VERIFY_PHONE, KeyApplicationStatus.PHONE_VERIFIED, null),
            new Transition(KeyApplicationStatus.PHONE_VERIFIED, KeyApplicationAction.INVOICE_FEE, KeyApplicationStatus.FEE_INVOICED, null),
            new Transition(KeyApplicationStatus.FEE_INVOICED, KeyApplicationAction.RECORD_PAYMENT, KeyApplicationStatus.PAID, null),
            new Transition(KeyApplicationStatus.PAID, KeyApplicationAction.APPROVE_IDENTITY, KeyApplicationStatus.IDENTITY_CHECKED, null),
            new Transition(KeyApplicationStatus.PHONE_VERIFIED, KeyApplicationAction.REJECT_IDENTITY, KeyApplicationStatus.REJECTED, null),
            new Transition(KeyApplicationStatus.FEE_INVOICED, KeyApplicationAction.REJECT_IDENTITY, KeyApplicationStatus.REJECTED, null),
            new Transition(KeyApplicationStatus.PAID, KeyApplicationAction.REJECT_IDENTITY, KeyApplicationStatus.REJECTED, null),
            new Transition(KeyApplicationStatus.IDENTITY_CHECKED, KeyApplicationAction.ISSUE, KeyApplicationStatus.ISSUED, "certificate-issued"));

    private KeyApplicationTransitions() {
    }

    public static Optional<Transition> find(KeyApplicationStatus from, KeyApplicationAction action) {
        return ALL.stream().filter(t -> t.from() == from && t.action() == action).findFirst();
    }

    /** @throws IllegalTransitionException when the edge does not exist */
    public static Transition require(KeyApplicationStatus from, KeyApplicationAction action) {
        return find(from, action).orElseThrow(() -> new IllegalTransitionException(from, action));
    }
}
