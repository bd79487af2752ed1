package org.kerege.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static final Clock SYSTEM = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private static ClockConfig config(Instant fixed, Duration offset) {
        return new ClockConfig() {
            @Override
            public Optional<Instant> fixed() {
                return Optional.ofNullable(fixed);
            }

            @Override
            public Optional<Duration> offset() {
                return Optional.ofNullable(offset);
            }
        };
    }

    @Test
    void production_reads_the_system_clock() {
        assertEquals(SYSTEM.instant(), ClockProducer.clockFor(config(null, null), SYSTEM).instant());
    }

    @Test
    void a_fixed_instant_stops_time_there_in_utc() {
        Instant when = Instant.parse("2013-06-03T04:00:00Z");
        Clock clock = ClockProducer.clockFor(config(when, Duration.ofDays(3)), SYSTEM);
        assertEquals(when, clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void an_offset_shifts_the_running_clock() {
        Clock clock = ClockProducer.clockFor(config(null, Duration.ofDays(-4000)), SYSTEM);
        assertEquals(Instant.parse("2026-11-21T10:00:00Z").minus(Duration.ofDays(4000)), clock.instant());
    }
}
