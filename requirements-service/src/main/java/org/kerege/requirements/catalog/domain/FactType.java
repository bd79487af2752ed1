package org.kerege.requirements.catalog.domain;

/** The value type of an applicant fact. */
public enum FactType {
    /** JSON true / false. */
    BOOLEAN,
    /** A whole number within the fact's [min, max] range. */
    INTEGER,
    /** One of the fact's allowed string values. */
    ENUM,
    /** An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code KZ}. */
    COUNTRY,
    /** An ISO-8601 calendar date, e.g. {@code 2015-07-01}. */
    DATE
}
