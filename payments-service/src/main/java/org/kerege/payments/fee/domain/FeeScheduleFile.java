package org.kerege.payments.fee.domain;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code fees/schedules.json}.
 *
 * @param version     raised on every change of the file
 * @param zones       country → time zone in which "today" of its fees is counted
 * @param baseAmounts the base amounts schedules may refer to
 * @param schedules   every schedule, of every fee code and period
 */
public record FeeScheduleFile(int version, Map<String, String> zones, List<BaseAmountDefinition> baseAmounts,
                              List<FeeSchedule> schedules) {

    public FeeScheduleFile {
        zones = zones == null ? Map.of() : Map.copyOf(zones);
        baseAmounts = baseAmounts == null ? List.of() : List.copyOf(baseAmounts);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }
}
