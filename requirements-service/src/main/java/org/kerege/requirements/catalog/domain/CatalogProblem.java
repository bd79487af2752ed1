package org.kerege.requirements.catalog.domain;

/**
 * One defect found by {@link CatalogValidator}.
 *
 * @param code    service code (or {@code *} for catalog-wide problems)
 * @param path    where in the entry, e.g. {@code documents[lost-passport-copy].condition}
 * @param kind    the kind of defect
 * @param message details
 */
public record CatalogProblem(String code, String path, Kind kind, String message) {

    public enum Kind {
        CONDITION_SYNTAX,
        UNKNOWN_FACT,
        CONDITION_TYPE,
        UNKNOWN_REFERENCE_LIST,
        MISSING_TEXT,
        OVERLAPPING_DATES,
        INVALID_DATES,
        MISSING_FEE_CODE,
        MISSING_REVIEW_WINDOW,
        MISSING_VALIDITY,
        DUPLICATE_DOCUMENT_ID,
        INVALID_FIELD
    }

    @Override
    public String toString() {
        return kind + " " + code + " " + path + ": " + message;
    }
}
