package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;

/**
 * Marks a rule set whose legal basis was repealed without a successor in the catalog.
 *
 * @param since the first day the rule set is no longer in force (equals the entry's effectiveTo)
 * @param by    the repealing act
 * @param note  how {@code since} was determined
 */
public record Repeal(LocalDate since, LocalizedText by, LocalizedText note) {

    public Repeal {
        by = by == null ? LocalizedText.EMPTY : by;
        note = note == null ? LocalizedText.EMPTY : note;
    }
}
