package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes what a fee costs. Plain Java, no state: the schedules and base amounts are given.
 *
 * <p><b>Rounding rule</b>: a line's amount is computed exactly (fixed amount × multiplier, or base amount
 * × rate %, then × (100 + Σ adjustments %) / 100) and rounded <b>once</b>, half up, to the currency's
 * minor unit ({@link Money#roundHalfUp}); the total is the sum of the rounded lines.
 */
public final class FeeCalculator {

    private final FeeSchedules schedules;
    private final BaseAmountLookup baseAmounts;

    public FeeCalculator(FeeSchedules schedules, BaseAmountLookup baseAmounts) {
        this.schedules = schedules;
        this.baseAmounts = baseAmounts;
    }

    public FeeSchedules schedules() {
        return schedules;
    }

    /**
     * The quote of a fee on a day.
     *
     * @param feeCode    e.g. {@code mn.passport.extension}
     * @param rawOptions option name (or alias) → value as text, e.g. {@code years → "3"}
     * @param on         the day (in the fee country's zone)
     * @throws UnknownFeeException            unknown code
     * @throws FeeNotInForceException         no schedule in force that day
     * @throws InvalidFeeOptionsException     unknown, missing or invalid options (all of them at once)
     * @throws BaseAmountUnavailableException no base amount in force that day
     */
    public Quote quote(String feeCode, Map<String, String> rawOptions, LocalDate on) {
        FeeSchedule schedule = schedules.inForce(feeCode, on);
        Map<String, Object> options = resolve(schedule, rawOptions);
        Currency currency = Money.currency(schedule.currency());
        if (schedule.free()) {
            return new Quote(schedule, on, options, List.of(), Money.zero(currency), null);
        }
        List<Adjustment> adjustments = schedule.adjustments().stream().filter(a -> matches(a.when(), options)).toList();
        BigDecimal factor = BigDecimal.valueOf(100);
        for (Adjustment a : adjustments) {
            factor = factor.add(a.percent());
        }
        List<QuoteLine> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        BaseAmount usedBase = null;
        for (LineRule rule : schedule.lines()) {
            if (!matches(rule.when(), options)) {
                continue;
            }
            BigDecimal exact;
            StringBuilder calculation = new StringBuilder();
            if (rule.amount() != null) {
                exact = rule.amount();
                calculation.append(Money.ofMajor(rule.amount(), currency));
                if (rule.multiplyBy() != null) {
                    int n = (Integer) options.get(rule.multiplyBy());
                    exact = exact.multiply(BigDecimal.valueOf(n));
                    calculation.append(" × ").append(n).append(" (").append(rule.multiplyBy()).append(')');
                }
            } else {
                PercentOfBase p = rule.percentOfBase();
                BaseAmount base = baseAmounts.inForce(p.baseAmount(), on)
                        .orElseThrow(() -> new BaseAmountUnavailableException(p.baseAmount(), on));
                if (!base.amount().currency().equals(currency)) {
                    throw new IllegalStateException("base amount " + base.code() + " is not in " + currency);
                }
                usedBase = base;
                BigDecimal rate = p.ratesPercent().get((String) options.get(p.rateOption()));
                exact = base.amount().major().multiply(rate).divide(BigDecimal.valueOf(100), MathContext.UNLIMITED);
                calculation.append(rate.stripTrailingZeros().toPlainString()).append(" % of ").append(base.amount())
                        .append(" (").append(base.code()).append(" from ").append(base.effectiveFrom()).append(')');
            }
            for (Adjustment a : adjustments) {
                calculation.append(a.percent().signum() < 0 ? " − " : " + ")
                        .append(a.percent().abs().stripTrailingZeros().toPlainString()).append(" % (").append(a.id()).append(')');
            }
            exact = exact.multiply(factor).divide(BigDecimal.valueOf(100), MathContext.UNLIMITED);
            Money amount = Money.roundHalfUp(exact, currency);
            boolean fromSource = rule.fromSource() != null ? rule.fromSource() : schedule.legalSource().amountsFromSource();
            lines.add(new QuoteLine(rule.id(), rule.description(), rule.account(), rule.beneficiary(), amount,
                    fromSource, calculation.toString()));
            total = total.plus(amount);
        }
        return new Quote(schedule, on, options, lines, total, usedBase);
    }

    /** Canonical options in schedule order, defaults filled in; every problem reported at once. */
    static Map<String, Object> resolve(FeeSchedule schedule, Map<String, String> raw) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, Object> resolved = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            FeeOption option = schedule.options().stream().filter(o -> o.answersTo(entry.getKey())).findFirst().orElse(null);
            if (option == null) {
                errors.put(entry.getKey(), schedule.options().isEmpty() ? "unknown option; this fee takes no options"
                        : "unknown option; this fee takes " + String.join(", ",
                        schedule.options().stream().map(FeeOption::name).toList()));
                continue;
            }
            if (givenAs.containsKey(option.name())) {
                errors.put(entry.getKey(), "given twice (also as " + givenAs.get(option.name()) + ")");
                continue;
            }
            givenAs.put(option.name(), entry.getKey());
            try {
                resolved.put(option.name(), option.parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                errors.put(entry.getKey(), e.getMessage());
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (FeeOption option : schedule.options()) {
            Object value = resolved.get(option.name());
            if (value == null && !givenAs.containsKey(option.name())) {
                if (option.defaultValue() != null) {
                    value = option.parse(option.defaultValue());
                } else if (option.required()) {
                    errors.put(option.name(), "required");
                }
            }
            if (value != null) {
                ordered.put(option.name(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFeeOptionsException(schedule.feeCode(), errors);
        }
        return ordered;
    }

    private static boolean matches(Map<String, String> when, Map<String, Object> options) {
        for (Map.Entry<String, String> w : when.entrySet()) {
            Object value = options.get(w.getKey());
            if (value == null || !String.valueOf(value).equals(w.getValue())) {
                return false;
            }
        }
        return true;
    }
}
