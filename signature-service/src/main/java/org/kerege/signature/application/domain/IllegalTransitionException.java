package org.kerege.signature.application.domain;

/** The action is not allowed in the application's current status. */
public class IllegalTransitionException extends RuntimeException {

    private final KeyApplicationStatus from;
    private final KeyApplicationAction action;

    public IllegalTransitionException(KeyApplicationStatus from, KeyApplicationAction action) {
        super(action + " is not allowed when the key application is " + from, null, false, false);
        this.from = from;
        this.action = action;
    }

    public KeyApplicationStatus from() {
        return from;
    }

    public KeyApplicationAction action() {
        return action;
    }
}
