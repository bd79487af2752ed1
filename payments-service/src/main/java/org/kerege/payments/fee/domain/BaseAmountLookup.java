package org.kerege.payments.fee.domain;

import java.time.LocalDate;
import java.util.Optional;

/** Finds the value of a base amount in force on a day. */
@FunctionalInterface
public interface BaseAmountLookup {

    /** The value with the latest {@code effectiveFrom} on or before {@code on}; empty when none. */
    Optional<BaseAmount> inForce(String code, LocalDate on);

    /** A lookup that knows no base amounts. */
    static BaseAmountLookup none() {
        return (code, on) -> Optional.empty();
    }
}
