package org.kerege.status.application.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.kerege.status.application.domain.ApplicationNumber;
import org.kerege.status.application.lookup.PublicStatusCache;

/**
 * The public status lookup's fast path ({@code GET /v1/applications/{number}} with {@code X-Access-Code}): when
 * this instance keeps the answer ({@link PublicStatusCache}: right code, not blocked for guessing, nothing changed
 * since), it is written here on the event loop, before the REST layer, with no worker thread and no database
 * round trip. Everything else (no answer kept, a wrong code, a token instead of a code) goes on to
 * {@link ApplicationResource#get}, which reads the database, throttles and keeps the answer for next time. Runs
 * after the platform's load shedding (priority 1000), so shed requests never get here.
 */
@ApplicationScoped
public class PublicStatusFilter {

    private static final String PREFIX = "/v1/applications/";

    private final PublicStatusCache answers;
    private final Clock clock;

    public PublicStatusFilter(PublicStatusCache answers, Clock clock) {
        this.answers = answers;
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(this::serve, 900);
    }

    private void serve(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String code = request.method() == HttpMethod.GET ? request.getHeader(ApplicationResource.ACCESS_CODE_HEADER) : null;
        String path = code == null ? null : rc.normalizedPath();
        if (path == null || !path.startsWith(PREFIX)) {
            rc.next();
            return;
        }
        String number = path.substring(PREFIX.length());
        if (!ApplicationNumber.isWellFormed(number)) {
            rc.next();
            return;
        }
        Optional<byte[]> answer = answers.answer(number, code, ApplicationResource.clientOf(request), clock.instant());
        if (answer.isEmpty()) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApplicationResource.PUBLIC_STATUS_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(answer.get()));
    }
}
