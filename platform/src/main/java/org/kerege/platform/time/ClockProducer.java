package org.kerege.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/** Produces the one {@link Clock} every service reads the time from (always in UTC). */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ClockConfig config) {
        return clockFor(config, Clock.systemUTC());
    }

    static Clock clockFor(ClockConfig config, Clock system) {
        if (config.fixed().isPresent()) {
            return Clock.fixed(config.fixed().get(), ZoneOffset.UTC);
        }
        return config.offset().map(offset -> Clock.offset(system, offset)).orElse(system);
    }
}
