package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a fee data file must keep before the service starts with it. */
final class FeeScheduleValidator {

    private static final Pattern CODE = Pattern.compile("[a-z]{2}(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern LINE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private FeeScheduleValidator() {
    }

    static List<String> validate(FeeScheduleFile file) {
        List<String> problems = new ArrayList<>();
        if (file.version() < 1) {
            problems.add("version: must be 1 or more");
        }
        file.zones().forEach((country, zone) -> {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add("zones." + country + ": unknown time zone " + zone);
            }
        });
        Set<String> baseCodes = new HashSet<>();
        for (BaseAmountDefinition b : file.baseAmounts()) {
            if (b.code() == null || !CODE.matcher(b.code()).matches() || !baseCodes.add(b.code())) {
                problems.add("baseAmounts: missing, malformed or repeated code " + b.code());
            }
            currency(b.currency(), "baseAmounts." + b.code(), problems);
        }
        for (FeeSchedule s : file.schedules()) {
            schedule(s, file, problems);
        }
        overlaps(file, problems);
        return problems;
    }

    private static void schedule(FeeSchedule s, FeeScheduleFile file, List<String> problems) {
        String at = s.feeCode() + "@" + (s.effectiveFrom() == null ? "open" : s.effectiveFrom());
        if (s.feeCode() == null || !CODE.matcher(s.feeCode()).matches()) {
            problems.add(at + ": feeCode must look like 'mn.passport.extension'");
        }
        if (s.country() == null || !file.zones().containsKey(s.country())) {
            problems.add(at + ": country " + s.country() + " has no entry in zones");
        }
        if (s.title() == null || s.title().isBlank()) {
            problems.add(at + ": title is required");
        }
        if (s.effectiveFrom() != null && s.effectiveTo() != null && !s.effectiveFrom().isBefore(s.effectiveTo())) {
            problems.add(at + ": effectiveTo must be after effectiveFrom");
        }
        if (s.legalSource() == null || s.legalSource().note() == null || s.legalSource().note().isBlank()) {
            problems.add(at + ": legalSource with a note is required");
        }
        Currency currency = currency(s.currency(), at, problems);
        if (s.payment() != null) {
            currency(s.payment().currency(), at + ".payment", problems);
            if (s.payment().currency() != null && s.payment().currency().equals(s.currency())) {
                problems.add(at + ": payment currency is the fee currency; leave payment out");
            }
            if (s.payment().rateSource() == null || s.payment().rateSource().isBlank()) {
                problems.add(at + ".payment: rateSource is required");
            }
        }
        Set<String> names = new HashSet<>();
        for (FeeOption o : s.options()) {
            option(o, at, names, problems);
        }
        if (s.free()) {
            if (!s.lines().isEmpty() || !s.adjustments().isEmpty()) {
                problems.add(at + ": a free fee has no lines and no adjustments");
            }
            return;
        }
        if (s.lines().isEmpty()) {
            problems.add(at + ": a fee that is not free needs at least one line");
        }
        Set<String> lineIds = new HashSet<>();
        for (LineRule l : s.lines()) {
            line(l, s, file, currency, at, lineIds, problems);
        }
        for (Adjustment a : s.adjustments()) {
            String where = at + " adjustment " + a.id();
            if (a.id() == null || a.description() == null || a.percent() == null) {
                problems.add(where + ": id, description and percent are required");
            } else if (a.percent().compareTo(BigDecimal.valueOf(-100)) <= 0 || a.percent().signum() == 0) {
                problems.add(where + ": percent must be above -100 and not zero");
            }
            when(a.when(), s, where, problems);
        }
    }

    private static void option(FeeOption o, String at, Set<String> names, List<String> problems) {
        String where = at + " option " + o.name();
        if (o.name() == null || !NAME.matcher(o.name()).matches() || o.name().equals("on")) {
            problems.add(where + ": name must be camelCase and not 'on'");
        }
        if (!names.add(o.name()) || o.aliases().stream().anyMatch(a -> !names.add(a))) {
            problems.add(where + ": name or alias used twice");
        }
        if (o.type() == null) {
            problems.add(where + ": type is required");
            return;
        }
        if (o.description() == null || o.description().isBlank()) {
            problems.add(where + ": description is required");
        }
        if (o.type() == OptionType.INTEGER && (o.min() == null || o.max() == null || o.min() > o.max())) {
            problems.add(where + ": an INTEGER option needs min <= max");
        }
        if (o.type() == OptionType.ENUM) {
            if (o.values().isEmpty()) {
                problems.add(where + ": an ENUM option needs values");
            }
            o.valueAliases().forEach((alias, code) -> {
                if (!o.values().contains(code)) {
                    problems.add(where + ": alias " + alias + " names unknown value " + code);
                }
            });
        }
        if (o.defaultValue() != null) {
            try {
                o.parse(o.defaultValue());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": default " + o.defaultValue() + " " + e.getMessage());
            }
            if (o.required()) {
                problems.add(where + ": an option with a default is not required");
            }
        }
    }

    private static void line(LineRule l, FeeSchedule s, FeeScheduleFile file, Currency currency, String at,
                             Set<String> lineIds, List<String> problems) {
        String where = at + " line " + l.id();
        if (l.id() == null || !LINE_ID.matcher(l.id()).matches() || !lineIds.add(l.id())) {
            problems.add(where + ": id missing, malformed or repeated");
        }
        if (blank(l.description()) || blank(l.account()) || blank(l.beneficiary())) {
            problems.add(where + ": description, account and beneficiary are required");
        }
        if ((l.amount() == null) == (l.percentOfBase() == null)) {
            problems.add(where + ": exactly one of amount and percentOfBase");
        }
        if (l.amount() != null) {
            if (l.amount().signum() <= 0) {
                problems.add(where + ": amount must be positive");
            } else if (currency != null) {
                try {
                    Money.ofMajor(l.amount(), currency);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }
        if (l.multiplyBy() != null) {
            if (s.option(l.multiplyBy()).map(o -> o.type() != OptionType.INTEGER).orElse(true)) {
                problems.add(where + ": multiplyBy must name an INTEGER option");
            } else if (s.option(l.multiplyBy()).get().min() < 1) {
                problems.add(where + ": multiplyBy option must be at least 1");
            }
            if (l.amount() == null) {
                problems.add(where + ": multiplyBy needs a fixed amount");
            }
        }
        PercentOfBase p = l.percentOfBase();
        if (p != null) {
            BaseAmountDefinition base = file.baseAmounts().stream().filter(b -> b.code().equals(p.baseAmount()))
                    .findFirst().orElse(null);
            if (base == null) {
                problems.add(where + ": unknown base amount " + p.baseAmount());
            } else if (!base.currency().equals(s.currency())) {
                problems.add(where + ": base amount " + base.code() + " is in " + base.currency() + ", fee in " + s.currency());
            }
            FeeOption rate = s.option(p.rateOption()).orElse(null);
            if (rate == null || rate.type() != OptionType.ENUM) {
                problems.add(where + ": rateOption must name an ENUM option");
            } else {
                if (!p.ratesPercent().keySet().equals(Set.copyOf(rate.values()))) {
                    problems.add(where + ": ratesPercent must give a rate for exactly " + rate.values());
                }
                p.ratesPercent().values().forEach(r -> {
                    if (r.signum() <= 0 || r.compareTo(BigDecimal.valueOf(100)) > 0) {
                        problems.add(where + ": a rate must be above 0 and at most 100");
                    }
                });
            }
        }
        when(l.when(), s, where, problems);
    }

    private static void when(Map<String, String> when, FeeSchedule s, String where, List<String> problems) {
        when.forEach((name, value) -> {
            FeeOption o = s.option(name).orElse(null);
            if (o == null) {
                problems.add(where + ": when names unknown option " + name);
                return;
            }
            try {
                Object parsed = o.parse(value);
                if (!String.valueOf(parsed).equals(value)) {
                    problems.add(where + ": when " + name + " must use the canonical value " + parsed);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": when " + name + " " + e.getMessage());
            }
        });
    }

    private static void overlaps(FeeScheduleFile file, List<String> problems) {
        Map<String, List<FeeSchedule>> byCode = new java.util.HashMap<>();
        file.schedules().forEach(s -> byCode.computeIfAbsent(String.valueOf(s.feeCode()), c -> new ArrayList<>()).add(s));
        byCode.forEach((code, list) -> {
            list.sort(Comparator.comparing(FeeSchedule::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int i = 1; i < list.size(); i++) {
                FeeSchedule prev = list.get(i - 1);
                FeeSchedule next = list.get(i);
                if (prev.effectiveTo() == null || next.effectiveFrom() == null
                        || prev.effectiveTo().isAfter(next.effectiveFrom())) {
                    problems.add(code + ": periods overlap (" + prev.effectiveFrom() + " and " + next.effectiveFrom() + ")");
                }
                if (!String.valueOf(prev.country()).equals(String.valueOf(next.country()))) {
                    problems.add(code + ": every period must have the same country");
                }
            }
        });
    }

    private static Currency currency(String code, String at, List<String> problems) {
        try {
            Currency c = Money.currency(code);
            if (c.getDefaultFractionDigits() < 0) {
                problems.add(at + ": " + code + " is not a currency of payment");
                return null;
            }
            return c;
        } catch (IllegalArgumentException e) {
            problems.add(at + ": currency " + e.getMessage());
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
