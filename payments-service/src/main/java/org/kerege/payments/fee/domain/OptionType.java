package org.kerege.payments.fee.domain;

/** The kind of value a fee option takes. */
public enum OptionType {
    /** A whole number within {@code min..max}, e.g. the years of a Mongolian extension. */
    INTEGER,
    /** {@code true} or {@code false}, e.g. the Mongolian urgent service. */
    BOOLEAN,
    /** One of a fixed list of codes, e.g. {@code INDIVIDUAL} / {@code LEGAL_ENTITY}. */
    ENUM
}
