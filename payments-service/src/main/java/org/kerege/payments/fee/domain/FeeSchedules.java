package org.kerege.payments.fee.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every fee schedule, validated, indexed by fee code. Immutable: built once at start and shared by
 * every request.
 */
public final class FeeSchedules {

    private final int version;
    private final Map<String, List<FeeSchedule>> byCode;
    private final Map<String, ZoneId> zones;
    private final Map<String, BaseAmountDefinition> baseAmounts;

    private FeeSchedules(FeeScheduleFile file) {
        this.version = file.version();
        Map<String, List<FeeSchedule>> codes = new LinkedHashMap<>();
        file.schedules().stream()
                .sorted(Comparator.comparing(FeeSchedule::feeCode)
                        .thenComparing(FeeSchedule::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(s -> codes.computeIfAbsent(s.feeCode(), c -> new java.util.ArrayList<>()).add(s));
        codes.replaceAll((c, l) -> List.copyOf(l));
        this.byCode = Map.copyOf(codes);
        this.zones = file.zones().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> ZoneId.of(e.getValue())));
        this.baseAmounts = file.baseAmounts().stream()
                .collect(Collectors.toUnmodifiableMap(BaseAmountDefinition::code, d -> d));
    }

    /**
     * Validates the file and indexes it.
     *
     * @throws FeeDataException with every problem found
     */
    public static FeeSchedules of(FeeScheduleFile file) {
        List<String> problems = FeeScheduleValidator.validate(file);
        if (!problems.isEmpty()) {
            throw new FeeDataException(problems);
        }
        return new FeeSchedules(file);
    }

    public int version() {
        return version;
    }

    /**
     * The schedule of a fee in force on a day.
     *
     * @throws UnknownFeeException     when no schedule has the code
     * @throws FeeNotInForceException  when the code is known but not in force that day
     */
    public FeeSchedule inForce(String feeCode, LocalDate on) {
        List<FeeSchedule> periods = periods(feeCode);
        return periods.stream().filter(s -> s.inForceOn(on)).findFirst()
                .orElseThrow(() -> new FeeNotInForceException(feeCode, on, periods.stream()
                        .map(s -> (s.effectiveFrom() == null ? "…" : s.effectiveFrom().toString()) + " to "
                                + (s.effectiveTo() == null ? "…" : s.effectiveTo() + " (exclusive)"))
                        .collect(Collectors.joining(", "))));
    }

    /** Every schedule of a fee code, oldest first. @throws UnknownFeeException when there is none */
    public List<FeeSchedule> periods(String feeCode) {
        List<FeeSchedule> periods = feeCode == null ? null : byCode.get(feeCode);
        if (periods == null) {
            throw new UnknownFeeException(feeCode);
        }
        return periods;
    }

    /** The fee codes, sorted. */
    public List<String> codes() {
        return byCode.keySet().stream().sorted().toList();
    }

    /** The time zone in which "today" is counted for a fee's country. */
    public ZoneId zoneOf(FeeSchedule schedule) {
        return zones.get(schedule.country());
    }

    /** The zone of a fee code (all its periods share a country). */
    public ZoneId zoneOf(String feeCode) {
        return zoneOf(periods(feeCode).get(0));
    }

    public Optional<BaseAmountDefinition> baseAmount(String code) {
        return Optional.ofNullable(code == null ? null : baseAmounts.get(code));
    }

    public List<BaseAmountDefinition> baseAmounts() {
        return baseAmounts.values().stream().sorted(Comparator.comparing(BaseAmountDefinition::code)).toList();
    }
}
