package org.kerege.payments.fee.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a fee costs on a day for given options.
 *
 * @param schedule   the schedule applied
 * @param on         the day
 * @param options    canonical options (name → Integer, Boolean or ENUM code), defaults filled in
 * @param lines      the lines that apply (empty for a free service)
 * @param total      sum of the lines (zero for a free service)
 * @param baseAmount the base amount used, or null
 */
public record Quote(FeeSchedule schedule, LocalDate on, Map<String, Object> options, List<QuoteLine> lines,
                    Money total, BaseAmount baseAmount) {

    public Quote {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        lines = List.copyOf(lines);
    }

    public boolean free() {
        return schedule.free();
    }

    /** True when every figure comes from a source; false when any is configuration to be confirmed. */
    public boolean fromSource() {
        return (baseAmount == null || baseAmount.fromSource()) && lines.stream().allMatch(QuoteLine::fromSource)
                && (lines.isEmpty() ? schedule.legalSource().amountsFromSource() : true);
    }
}
