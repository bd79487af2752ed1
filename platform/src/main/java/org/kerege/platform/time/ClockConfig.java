package org.kerege.platform.time;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a service reads the time. Production leaves both unset and gets the system clock; journeys on
 * past dates (e.g. when the Kazakh refugee standard was in force) fix or shift it.
 */
@ConfigMapping(prefix = "kerege.clock")
public interface ClockConfig {

    /** A fixed instant, e.g. {@code 2013-06-03T04:00:00Z}: time stands still there. */
    Optional<Instant> fixed();

    /**
     * A shift of the system clock, e.g. {@code -P4000D}: time runs, starting from now + offset.
     * Ignored when {@link #fixed()} is set.
     */
    Optional<Duration> offset();
}
