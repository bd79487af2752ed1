package org.kerege.requirements.catalog.domain;

/** Whether a document may come from a foreign authority and so fall under the entry's {@link ForeignDocumentRule}. */
public enum ForeignIssue {
    /** Always issued at home, or the document line states its own legalisation rule in its notes. */
    NEVER,
    /** May have been issued abroad: the rule applies when its condition holds (e.g. documentsIssuedAbroad). */
    POSSIBLE,
    /** Always issued abroad (e.g. a no-criminal-record certificate from the country of citizenship). */
    ALWAYS
}
