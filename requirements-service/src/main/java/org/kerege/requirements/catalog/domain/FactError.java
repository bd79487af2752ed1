package org.kerege.requirements.catalog.domain;

/**
 * One problem with a checklist request's facts, to be returned as an offending field of an RFC 9457
 * problem (400 for a malformed value, 422 for an impossible one is the REST layer's choice).
 *
 * @param field   the fact name as sent
 * @param kind    what is wrong
 * @param message a human message in English
 */
public record FactError(String field, Kind kind, String message) {

    public enum Kind {
        /** The name is not a fact of the registry. */
        UNKNOWN_FACT,
        /** The JSON type is wrong (e.g. a string for a boolean). */
        WRONG_TYPE,
        /** The type is right but the value is impossible (age -3, country XX, unknown enum value). */
        IMPOSSIBLE_VALUE,
        /** The value contradicts another fact of the same request. */
        CONTRADICTION
    }
}
