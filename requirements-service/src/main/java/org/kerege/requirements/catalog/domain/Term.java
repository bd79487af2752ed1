package org.kerege.requirements.catalog.domain;

/**
 * A length of time as the sources state it, e.g. 60 calendar days from the acceptance of the
 * application, 90 working days from the border crossing, 10 years from issue.
 *
 * @param amount   the number of units (positive)
 * @param unit     the unit
 * @param startsOn the event that starts the count, as a stable key (e.g. {@code application-registered},
 *                 {@code issue}, {@code receipt}, {@code border-crossing}, {@code joint-application})
 * @param note     optional explanation (e.g. "the source says '60-day'; calendar days assumed")
 */
public record Term(int amount, TermUnit unit, String startsOn, LocalizedText note) {

    public Term {
        note = note == null ? LocalizedText.EMPTY : note;
    }

    public static Term of(int amount, TermUnit unit, String startsOn) {
        return new Term(amount, unit, startsOn, LocalizedText.EMPTY);
    }

    /** The same term without its explanatory note (handy for comparisons). */
    public Term withoutNote() {
        return new Term(amount, unit, startsOn, LocalizedText.EMPTY);
    }
}
