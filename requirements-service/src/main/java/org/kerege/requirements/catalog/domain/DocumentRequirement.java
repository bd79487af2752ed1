package org.kerege.requirements.catalog.domain;

/**
 * One document line of a service.
 *
 * @param id           stable key within the entry, e.g. {@code lost-passport-copy}
 * @param name         the document's name, source wording first
 * @param condition    when the document is required ({@link Condition#ALWAYS} by default)
 * @param reason       why it applies, written so that it also reads as "required if …"
 * @param notes        e.g. "original + copy", "not older than 12 months"
 * @param count        how many (e.g. 3 photos); null when the source does not say
 * @param optional     the source says "if there is one"/"if any": bring it when you have it
 * @param issuedAbroad whether the entry's foreign-document rule may apply to it
 * @param photo        the photo specification when this line is a photo
 */
public record DocumentRequirement(String id, LocalizedText name, Condition condition, LocalizedText reason,
                                  LocalizedText notes, Integer count, boolean optional, ForeignIssue issuedAbroad,
                                  PhotoSpec photo) {

    public DocumentRequirement {
        name = name == null ? LocalizedText.EMPTY : name;
        condition = condition == null ? Condition.ALWAYS : condition;
        reason = reason == null ? LocalizedText.EMPTY : reason;
        notes = notes == null ? LocalizedText.EMPTY : notes;
        issuedAbroad = issuedAbroad == null ? ForeignIssue.NEVER : issuedAbroad;
    }
}
