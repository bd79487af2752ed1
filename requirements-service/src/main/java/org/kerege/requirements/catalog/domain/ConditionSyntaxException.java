package org.kerege.requirements.catalog.domain;

/** A condition text that does not follow the grammar of {@link ConditionParser}. */
public class ConditionSyntaxException extends IllegalArgumentException {

    private final String source;
    private final int position;
    private final String reason;

    public ConditionSyntaxException(String source, int position, String reason) {
        super(reason + " at position " + position + " in '" + source + "'");
        this.source = source;
        this.position = position;
        this.reason = reason;
    }

    /** The whole condition text. */
    public String source() {
        return source;
    }

    /** Zero-based character offset of the problem. */
    public int position() {
        return position;
    }

    /** The problem without the position, e.g. {@code expected ')'}. */
    public String reason() {
        return reason;
    }
}
