package org.kerege.payments.fee.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rule set of one fee code for one period: options, lines and adjustments, with its legal source.
 * JSON field names in {@code fees/schedules.json} are these component names.
 *
 * @param feeCode       e.g. {@code mn.passport.extension} (the codes of the requirements catalog)
 * @param country       ISO 3166-1 alpha-2 of the authority
 * @param title         in English
 * @param effectiveFrom first day in force (inclusive); null = as far back as we know (undated source)
 * @param effectiveTo   first day no longer in force (exclusive); null = open-ended
 * @param currency      ISO 4217 alphabetic code every line is in
 * @param free          true when the service costs nothing (no lines; never invoiced)
 * @param legalSource   where the figures come from
 * @param options       the fee's parameters
 * @param lines         the line rules, in the order they are shown
 * @param adjustments   percentages applied to every line when they match
 * @param notes         notes for payers and officers, in English (e.g. "paid in RUB at the day's rate")
 * @param payment       when the fee is fixed in {@code currency} but paid in another currency at a dated
 *                      exchange rate (table exchange_rate); null when paid in {@code currency}
 */
public record FeeSchedule(String feeCode, String country, String title, LocalDate effectiveFrom,
                          LocalDate effectiveTo, String currency, boolean free, LegalSource legalSource,
                          List<FeeOption> options, List<LineRule> lines, List<Adjustment> adjustments,
                          List<String> notes, PaymentConversion payment) {

    public FeeSchedule {
        options = options == null ? List.of() : List.copyOf(options);
        lines = lines == null ? List.of() : List.copyOf(lines);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Whether the schedule is in force on a day. */
    public boolean inForceOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /**
     * A fee paid in another currency than it is fixed in.
     *
     * @param currency   ISO 4217 code of the payment currency, e.g. {@code RUB}
     * @param rateSource whose rates apply, e.g. {@code CBR} (Central Bank of Russia)
     */
    public record PaymentConversion(String currency, String rateSource) {
    }

    public Optional<FeeOption> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
