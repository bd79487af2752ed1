package org.kerege.status.application.domain;

/** A transition that the workflow does not allow, or not to this caller, or not with these inputs. */
public class TransitionRefusedException extends RuntimeException {

    public enum Reason { ILLEGAL, ROLE_NOT_ALLOWED, INPUT_MISSING, INPUT_INVALID }

    private final Reason reason;
    private final String field;

    public TransitionRefusedException(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
