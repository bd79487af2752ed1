package org.kerege.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Admission control of the HTTP API ({@link LoadShedding}). */
@ConfigMapping(prefix = "kerege.http.shedding")
public interface LoadSheddingConfig {

    /**
     * Ordinary API requests in progress at once per instance; beyond it, 429. 0 turns shedding off. Unset: {@value
     * InFlightLimiter#PER_CORE} per processor the JVM sees ({@link InFlightLimiter#forProcessors}), because what an
     * instance can have in progress without starving its own event loop grows with its CPUs, not with a fixed figure
     * (bench/load on 2 cores: 64 in flight stopped the instance answering at all; 8 answered, but only after seconds;
     * 4 answered in milliseconds and served as much).
     */
    Optional<Integer> maxInFlight();

    /**
     * Ceiling for priority requests (matching {@link #priorityPaths()}); at least max-in-flight. Unset: {@value
     * InFlightLimiter#PRIORITY_FACTOR} times max-in-flight.
     */
    Optional<Integer> priorityMaxInFlight();

    /**
     * Regular expressions over "METHOD path" of requests that keep answering after ordinary ones are
     * shed, e.g. {@code GET /v1/applications/.*} for the public status lookup.
     */
    Optional<List<String>> priorityPaths();

    /** Seconds a refused caller is told to wait (Retry-After). */
    @WithDefault("1")
    int retryAfterSeconds();
}
