package org.kerege.platform.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sheds load before it is queued: when too many API requests are in progress in this instance, new
 * ones get {@code 429 Too Many Requests} with {@code Retry-After} and a problem body, on the event loop,
 * without reaching a worker thread or the database. Health, metrics and OpenAPI ({@code /q/...}) are
 * never shed, so the orchestrator does not kill a busy instance; priority paths (a citizen's status
 * lookup) have a higher ceiling. National portals that queued everything at peaks failed everyone;
 * refusing the excess fast keeps the rest answering and recovers by itself when the rush passes.
 */
@ApplicationScoped
public class LoadShedding {

    private static final Logger LOG = Logger.getLogger(LoadShedding.class);

    private final LoadSheddingConfig config;
    private final InFlightLimiter limiter;
    private final List<Pattern> priority;
    private final Counter shed;
    private final String body;

    public LoadShedding(LoadSheddingConfig config, MeterRegistry registry) {
        this.config = config;
        int processors = Runtime.getRuntime().availableProcessors();
        this.limiter = InFlightLimiter.forProcessors(config.maxInFlight(), config.priorityMaxInFlight(), processors);
        LOG.infof("Load shedding: %s", limiter.limit() <= 0 ? "off (kerege.http.shedding.max-in-flight=0)"
                : limiter.limit() + " ordinary and " + limiter.priorityLimit() + " priority API requests in progress at "
                + "once, " + processors + " processor(s)" + (config.maxInFlight().isPresent() ? "" : ", "
                + InFlightLimiter.PER_CORE + " per processor"));
        this.priority = config.priorityPaths().orElse(List.of()).stream().map(Pattern::compile).toList();
        this.shed = Counter.builder("kerege.http.shed").description("API requests refused with 429 under overload")
                .register(registry);
        Gauge.builder("kerege.http.in.flight", limiter, InFlightLimiter::inFlight)
                .description("API requests in progress").register(registry);
        this.body = "{\"type\":\"urn:kerege:problem:overloaded\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"The service is at capacity; retry after " + config.retryAfterSeconds()
                + " second(s).\"}";
    }

    void register(@Observes Filters filters) {
        // Runs before the REST layer (which registers at lower priorities).
        filters.register(this::admit, 1000);
    }

    private void admit(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/q/")) {
            rc.next();
            return;
        }
        if (!limiter.tryAcquire(isPriority(rc.request().method().name(), path))) {
            shed.increment();
            rc.response().setStatusCode(429)
                    .putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(config.retryAfterSeconds()))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(body);
            return;
        }
        rc.addEndHandler(done -> limiter.release());
        rc.next();
    }

    boolean isPriority(String method, String path) {
        if (priority.isEmpty()) {
            return false;
        }
        String line = method + " " + path;
        for (Pattern p : priority) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }
}
