package org.kerege.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Admission control of the HTTP API ({@link LoadShedding}). */
@ConfigMapping(prefix = "kerege.http.shedding")
public interface LoadSheddingConfig {

    /** Ordinary API requests in progress at once per instance; beyond it, 429. 0 turns shedding off. */
    @WithDefault("300")
    int maxInFlight();

    /** Ceiling for priority requests (matching {@link #priorityPaths()}); at least max-in-flight. */
    @WithDefault("600")
    int priorityMaxInFlight();

    /**
     * Regular expressions over "METHOD path" of requests that keep answering after ordinary ones are
     * shed, e.g. {@code GET /v1/applications/.*} for the public status lookup.
     */
    Optional<List<String>> priorityPaths();

    /** Seconds a refused caller is told to wait (Retry-After). */
    @WithDefault("1")
    int retryAfterSeconds();
}
