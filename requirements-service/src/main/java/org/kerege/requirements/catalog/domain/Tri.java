package org.kerege.requirements.catalog.domain;

/**
 * Three-valued (Kleene) truth value used when a condition is evaluated against the facts an applicant
 * gave. A fact the applicant did not give makes the comparisons that use it {@link #UNKNOWN}; the
 * logical operators then decide whatever can be decided without it ({@code false && unknown} is
 * {@code false}, {@code true || unknown} is {@code true}).
 */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    public Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
