package org.kerege.requirements.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.kerege.platform.problem.Problem;
import org.kerege.requirements.catalog.domain.CatalogVersion;
import org.kerege.requirements.catalog.persistence.CatalogStore;

/**
 * The checklist's fast path ({@code POST /v1/services/{code}/checklist}), the portal's hottest call. It reads the
 * request body here, on the event loop, before the REST layer, and when the same request (same catalog version,
 * code, date, {@code Accept-Language} and body bytes) was already answered, writes that answer at once
 * ({@link RenderedChecklists#sent}): no JSON parsing, no fact validation, no REST dispatch.
 *
 * <p>Everything else goes on to {@link ServiceResource#checklist}, which finds the body this filter read in the
 * routing context (the REST layer cannot read a body twice) and remembers its answer under {@link #REQUEST_KEY} for
 * next time. Requests this path does not answer, whatever their body: a token ({@code Authorization}: the REST layer
 * checks it), a content type other than JSON or an {@code Accept} without JSON (the REST layer answers 415 / 406), a
 * compressed body, a malformed {@code ?on=}, or a catalog version not known from memory. A body over
 * {@link #MAX_BODY_BYTES} is refused here with 413. Runs after the platform's load shedding (priority 1000), so shed
 * requests are never read.
 */
@ApplicationScoped
public class ChecklistFilter {

    /** Where the resource finds the key to remember its answer under (absent when this path would not answer). */
    static final String REQUEST_KEY = ChecklistFilter.class.getName() + ".requestKey";

    /** The facts are one flat object of a few dozen fields at most; 64 KiB leaves room for any real situation. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Counter of the answers this path wrote. */
    static final String ANSWERED_EARLY = "kerege.checklist.answered.early";

    private static final String PREFIX = "/v1/services/";
    private static final String SUFFIX = "/checklist";

    private final RenderedChecklists answers;
    private final CatalogStore store;
    private final Clock clock;
    private final byte[] tooLarge;
    private final Counter answeredEarly;

    public ChecklistFilter(RenderedChecklists answers, CatalogStore store, Clock clock, ObjectMapper json,
                           MeterRegistry registry) throws JsonProcessingException {
        this.answers = answers;
        this.store = store;
        this.clock = clock;
        this.answeredEarly = Counter.builder(ANSWERED_EARLY)
                .description("Checklist answers written by the fast path, before the REST layer").register(registry);
        this.tooLarge = json.writeValueAsBytes(new Problem(Problem.type("payload-too-large"), "Request body too large",
                413, "The applicant facts are one flat JSON object; this body is over " + MAX_BODY_BYTES + " bytes.",
                null, null));
    }

    void register(@Observes Filters filters) {
        filters.register(this::serve, 900);
    }

    private void serve(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String code = request.method() == HttpMethod.POST ? codeOf(rc.normalizedPath()) : null;
        if (code == null) {
            rc.next();
            return;
        }
        if (declaredLength(request) > MAX_BODY_BYTES) {
            refuseTooLarge(rc);
            return;
        }
        Buffer body = Buffer.buffer(256);
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                refused[0] = true;
                refuseTooLarge(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !rc.response().ended()) {
                refused[0] = true;
                rc.fail(e);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                answer(rc, code, body);
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue(); // curl and others wait for it before sending a larger body
        }
        request.resume();
    }

    private void answer(RoutingContext rc, String code, Buffer body) {
        ((RoutingContextInternal) rc).setBody(body);
        RenderedChecklists.RequestKey key = keyOf(rc.request(), code, body);
        if (key != null) {
            RenderedChecklists.Rendered sent = answers.sent(key);
            if (sent != null) {
                answeredEarly.increment();
                rc.response().setStatusCode(200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ServiceResource.CHECKLIST_TYPE)
                        .putHeader(HttpHeaders.CONTENT_LANGUAGE, sent.language())
                        .end(Buffer.buffer(sent.json()));
                return;
            }
            rc.put(REQUEST_KEY, key);
        }
        rc.next();
    }

    /** The key of a request this path may answer, or null when the REST layer must see it. */
    private RenderedChecklists.RequestKey keyOf(HttpServerRequest request, String code, Buffer body) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.CONTENT_ENCODING) != null
                || !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE)) || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return null;
        }
        Optional<CatalogVersion> version = store.currentInMemory();
        LocalDate date = dateOf(request.getParam("on"));
        if (version.isEmpty() || date == null) {
            return null;
        }
        return new RenderedChecklists.RequestKey(version.get().number(), code, date,
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), ByteBuffer.wrap(body.getBytes()));
    }

    /** {@code ?on=} as the resource reads it ({@link ServiceResource#dateOrToday}); null when malformed. */
    private LocalDate dateOf(String on) {
        try {
            return ServiceResource.dateOrToday(on == null ? null : LocalDate.parse(on), clock);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The service code of a checklist path ({@code /v1/services/{code}/checklist}, with or without a trailing slash, as
     * the REST layer matches it), or null for any other path. Every request the REST layer sends to
     * {@link ServiceResource#checklist} must have its body read here, or the resource would find none.
     */
    static String codeOf(String path) {
        if (path != null && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String code = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return code.indexOf('/') >= 0 ? null : code;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).trim().equals("application/json");
    }

    static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("application/json") || types.contains("*/*") || types.contains("application/*");
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuseTooLarge(RoutingContext rc) {
        if (!rc.response().ended()) {
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(tooLarge));
        }
    }
}
