package org.kerege.requirements.catalog.domain;

/**
 * A legalisation rule for documents issued by a foreign authority, such as 001's "an apostille and a
 * notarised translation into Kyrgyz or Russian". It is attached as a note to every listed document
 * marked {@link ForeignIssue#ALWAYS}, and to those marked {@link ForeignIssue#POSSIBLE} when
 * {@code condition} holds (conditionally when it is unknown).
 *
 * @param condition when documents are foreign, normally {@code documentsIssuedAbroad}
 * @param note      the rule's text
 */
public record ForeignDocumentRule(Condition condition, LocalizedText note) {

    public ForeignDocumentRule {
        condition = condition == null ? Condition.ALWAYS : condition;
        note = note == null ? LocalizedText.EMPTY : note;
    }
}
