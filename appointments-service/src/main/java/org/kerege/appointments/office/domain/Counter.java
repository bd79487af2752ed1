package org.kerege.appointments.office.domain;

import java.util.List;

/**
 * A counter (window) in an office's hall.
 *
 * @param code     the number shown in the hall, e.g. {@code 11}
 * @param location building, floor, hall
 * @param priority whether it serves the priority groups (elderly, disabled, pregnant) first
 * @param services the service codes it takes
 */
public record Counter(String code, String location, boolean priority, List<String> services) {

    public Counter {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public boolean takes(String serviceCode) {
        return services.contains(serviceCode);
    }
}
