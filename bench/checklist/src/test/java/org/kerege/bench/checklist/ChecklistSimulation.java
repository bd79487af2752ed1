package org.kerege.bench.checklist;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of the checklist endpoint of requirements-service at a constant arrival rate (open model: users arrive
 * at the rate whatever the response times; each user sends one request and leaves).
 *
 * <ol>
 *   <li>warm-up: the arrival rate ramps from a tenth of the target to the target over {@code checklist.warmup}
 *       seconds; these requests are named {@code warm-up} and are not part of the result;</li>
 *   <li>then {@code constantUsersPerSec(rate).during(checklist.during)}; these requests are named
 *       {@code checklist}, and their percentiles are the result.</li>
 * </ol>
 *
 * <p>Each request is {@code POST /v1/services/{code}/checklist} with {@code Accept-Language: en}, alternating the
 * same two bodies of applicant facts as the wrk script ({@code wrk/post.lua}); a response counts as OK only with
 * status 200 and the requested service's code in the body.
 *
 * <p>System properties: {@code checklist.baseUrl} (default {@code http://localhost:8081}), {@code checklist.rate}
 * (requests/s, default 1000), {@code checklist.during} (s, default 30), {@code checklist.warmup} (s, default 10),
 * {@code checklist.shareConnections} (default true: the users share a keep-alive connection pool, as behind a
 * gateway; false: each user opens its own connection, as separate browsers do).
 *
 * <pre>
 * ./mvnw -o -Pbench -pl bench/checklist test-compile gatling:test -Dchecklist.baseUrl=http://localhost:8081
 * </pre>
 */
public class ChecklistSimulation extends Simulation {

    /** The request name of the measured phase; the runner reads its statistics. */
    public static final String MEASURED = "checklist";
    /** The request name of the warm-up phase. */
    public static final String WARM_UP = "warm-up";

    private static final String BASE_URL = System.getProperty("checklist.baseUrl", "http://localhost:8081");
    private static final int RATE = Integer.getInteger("checklist.rate", 1000);
    private static final int DURING = Integer.getInteger("checklist.during", 30);
    private static final int WARMUP = Integer.getInteger("checklist.warmup", 10);
    private static final boolean SHARE_CONNECTIONS =
            Boolean.parseBoolean(System.getProperty("checklist.shareConnections", "true"));

    /** The same two applicant situations as wrk/post.lua, in turn. */
    private static final FeederBuilder<Object> FACTS = listFeeder(List.of(
            Map.<String, Object>of("code", "kg.meken-card",
                    "body", "{\"citizenship\": \"DE\", \"countryOfResidence\": \"DE\", \"category\": \"former-citizen\", "
                            + "\"procedure\": \"general\", \"applyingAtMissionAbroad\": true}"),
            Map.<String, Object>of("code", "mn.passport.extension",
                    "body", "{\"age\": 70, \"extensionYears\": 3}"))).circular();

    /** Sends of the measured phase: count, first and last wall-clock ms; printed by {@link #after()}. */
    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong FIRST_SEND = new AtomicLong();
    private static final AtomicLong LAST_SEND = new AtomicLong();

    private static ChainBuilder checklist(String name) {
        return io.gatling.javaapi.core.CoreDsl.feed(FACTS)
                .exec(session -> {
                    if (name.equals(MEASURED)) {
                        long now = System.currentTimeMillis();
                        FIRST_SEND.compareAndSet(0, now);
                        LAST_SEND.accumulateAndGet(now, Math::max);
                        SENT.incrementAndGet();
                    }
                    return session;
                })
                .exec(http(name).post("/v1/services/#{code}/checklist")
                        .body(StringBody("#{body}"))
                        .check(status().is(200), jsonPath("$.code").isEL("#{code}")));
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .acceptLanguageHeader("en")
                .disableCaching();
        if (SHARE_CONNECTIONS) {
            protocol = protocol.shareConnections();
        }
        System.out.printf("ChecklistSimulation: %s, warm-up ramp %d→%d/s over %d s, then %d/s for %d s, %s connections%n",
                BASE_URL, Math.max(1, RATE / 10), RATE, WARMUP, RATE, DURING, SHARE_CONNECTIONS ? "shared" : "per-user");
        setUp(scenario("warm-up").exec(checklist(WARM_UP))
                .injectOpen(rampUsersPerSec(Math.max(1, RATE / 10)).to(RATE).during(WARMUP))
                .andThen(scenario("constant arrival rate").exec(checklist(MEASURED))
                        .injectOpen(constantUsersPerSec(RATE).during(DURING))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        // Read by the runner (GatlingStats): the achieved sending rate of the measured phase.
        System.out.printf("ChecklistSimulation measured phase: sent=%d firstSendMs=%d lastSendMs=%d%n",
                SENT.get(), FIRST_SEND.get(), LAST_SEND.get());
    }
}
