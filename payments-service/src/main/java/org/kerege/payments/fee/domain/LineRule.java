package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a fee: what it pays for, to which account and beneficiary, and how its amount is found —
 * either a fixed {@code amount} (optionally multiplied by an INTEGER option) or a {@code percentOfBase}.
 *
 * @param id           stable id of the line within the schedule, e.g. {@code stamp-duty}
 * @param description  what the line pays for, in English
 * @param account      the beneficiary's bank account
 * @param beneficiary  the beneficiary's name as the source writes it
 * @param amount       fixed amount in <b>major</b> units as a decimal (e.g. {@code 2000} MNT); exact to the
 *                     currency's minor unit
 * @param multiplyBy   an INTEGER option the fixed amount is multiplied by (e.g. {@code years}), or null
 * @param percentOfBase a percentage of a base amount instead of a fixed amount, or null
 * @param when         the line applies only when every named option has the given value (e.g.
 *                     {@code urgent: "true"}); empty = always
 * @param fromSource   overrides the schedule's {@link LegalSource#amountsFromSource()} for this line, or null
 */
public record LineRule(String id, String description, String account, String beneficiary, BigDecimal amount,
                       String multiplyBy, PercentOfBase percentOfBase, Map<String, String> when, Boolean fromSource) {

    public LineRule {
        when = when == null ? Map.of() : Map.copyOf(when);
    }
}
