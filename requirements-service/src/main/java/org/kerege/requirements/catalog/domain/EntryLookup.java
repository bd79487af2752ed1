package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Answer to "service X as it stood on date D" ({@link CatalogVersion#lookup}).
 *
 * @param code   the code asked for
 * @param date   the date asked for
 * @param status what was found
 * @param entry  IN_FORCE: the rule set in force; NO_LONGER_IN_FORCE: the last rule set before the date
 *               (its {@link ServiceEntry#repeal()} says by what act when it was repealed);
 *               NOT_YET_IN_FORCE: the first rule set; UNKNOWN_CODE: null
 * @param since  NO_LONGER_IN_FORCE: first day not in force; NOT_YET_IN_FORCE: first day in force
 */
public record EntryLookup(String code, LocalDate date, Status status, ServiceEntry entry, LocalDate since) {

    public enum Status { IN_FORCE, NOT_YET_IN_FORCE, NO_LONGER_IN_FORCE, UNKNOWN_CODE }

    public boolean inForce() {
        return status == Status.IN_FORCE;
    }

    /** The repeal of the rule set, when it ended by repeal. */
    public Optional<Repeal> repeal() {
        return status == Status.NO_LONGER_IN_FORCE && entry != null ? Optional.ofNullable(entry.repeal())
                : Optional.empty();
    }
}
