package org.kerege.appointments.office.domain;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An office where citizens are served: its zone, weekly hours, the country whose public holidays close
 * it, one-off closures, counters and per-service settings.
 */
public record Office(String id, String nameEn, String nameLocal, String kind, String country, ZoneId zone,
                     String address, List<DayHours> hours, String legalSource, List<Counter> counters,
                     List<ServiceSettings> services, List<Closure> closures) {

    public Office {
        hours = List.copyOf(hours);
        counters = counters == null ? List.of() : List.copyOf(counters);
        services = services == null ? List.of() : List.copyOf(services);
        closures = closures == null ? List.of() : List.copyOf(closures);
        Map<DayOfWeek, DayHours> seen = new EnumMap<>(DayOfWeek.class);
        for (DayHours h : hours) {
            if (seen.put(h.day(), h) != null) {
                throw new IllegalArgumentException("hours name " + h.day() + " twice");
            }
        }
    }

    public Optional<DayHours> hoursOn(DayOfWeek day) {
        return hours.stream().filter(h -> h.day() == day).findFirst();
    }

    public List<Counter> countersTaking(String serviceCode) {
        return counters.stream().filter(c -> c.takes(serviceCode)).toList();
    }

    public Optional<Counter> counter(String code) {
        return counters.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean offers(String serviceCode) {
        return !countersTaking(serviceCode).isEmpty();
    }

    /** The office's settings for a service; defaults when it has none. */
    public ServiceSettings settings(String serviceCode) {
        return services.stream().filter(s -> s.serviceCode().equals(serviceCode)).findFirst()
                .orElse(ServiceSettings.defaults(serviceCode));
    }
}
