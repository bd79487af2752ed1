package org.kerege.payments.fee.domain;

import java.time.LocalDate;

/**
 * One dated value of a base amount: in force from {@code effectiveFrom} until the next value's date.
 *
 * @param code          e.g. {@code uz.bhm}
 * @param effectiveFrom first day in force (inclusive)
 * @param amount        the value
 * @param legalSource   the decree that set it, or a configuration note
 * @param fromSource    false when the value is configuration still to be confirmed
 */
public record BaseAmount(String code, LocalDate effectiveFrom, Money amount, String legalSource, boolean fromSource) {
}
