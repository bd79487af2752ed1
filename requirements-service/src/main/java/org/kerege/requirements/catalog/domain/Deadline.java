package org.kerege.requirements.catalog.domain;

/**
 * A further deadline of the procedure other than the review window and validity: an obligation of
 * the holder (register within 90 working days of crossing the border) or of the authority (hand over
 * the certificate within 5 working days of the decision).
 *
 * @param id          stable key, e.g. {@code registration-after-entry}
 * @param description what must happen by then
 * @param term        the length and the event that starts it
 * @param condition   when this deadline applies (default: always)
 */
public record Deadline(String id, LocalizedText description, Term term, Condition condition) {

    public Deadline {
        description = description == null ? LocalizedText.EMPTY : description;
        condition = condition == null ? Condition.ALWAYS : condition;
    }
}
