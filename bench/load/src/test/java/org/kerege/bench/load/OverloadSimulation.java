package org.kerege.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Past capacity: a constant arrival rate of ordinary requests well above what the service (started by LoadBench
 * with a low {@code kerege.http.shedding.max-in-flight}) can serve, while citizens keep looking up their
 * applications' status at a modest rate; then the rush stops and ordinary requests come at a normal rate again.
 * All against status-service, whose status lookup ({@code GET /v1/applications/{number}}) is a priority path of the
 * platform's load shedding, so the same instance sheds the rush and keeps answering lookups.
 *
 * <ul>
 *   <li>{@code rush}: {@code constantUsersPerSec(load.overload.rate).during(load.overload.during)}, an officer's work
 *       queue {@code GET /v1/applications?office=...} (database work, not a priority path): expected 200 or 429
 *       with Retry-After;</li>
 *   <li>{@code lookup-during-rush} / {@code lookup-after-rush}: {@code constantUsersPerSec(load.lookup.rate)} for the
 *       whole run, {@code GET /v1/applications/{number}} with the talon's {@code X-Access-Code} (anonymous): expected
 *       200;</li>
 *   <li>{@code recovery}: after the rush and a gap of {@code load.recovery.gap} s,
 *       {@code constantUsersPerSec(load.recovery.rate).during(load.recovery.during)} of the rush's request: expected
 *       200 — the service is back by itself.</li>
 * </ul>
 * Every user sends one request and leaves (open model); no retries, so every 429 is counted once.
 *
 * <p>System properties: {@code load.statusUrl}, {@code load.officerFile} (column token), {@code load.statusOffice}
 * (the officer's office), {@code load.applicationsFile} (columns number, accessCode), {@code load.overload.rate}
 * (1000/s), {@code load.overload.during} (30 s), {@code load.lookup.rate} (20/s), {@code load.recovery.gap} (5 s),
 * {@code load.recovery.rate} (20/s), {@code load.recovery.during} (20 s), {@code load.overload.shareConnections}
 * (false: a connection per user), {@code load.statsFile}.
 */
public class OverloadSimulation extends Simulation {

    private static final String BASE_URL = LoadSupport.prop("load.statusUrl", "http://localhost:8084");
    private static final String OFFICE = LoadSupport.prop("load.statusOffice", "kg-bishkek-1");
    private static final int RATE = LoadSupport.intProp("load.overload.rate", 1000);
    private static final int DURING = LoadSupport.intProp("load.overload.during", 30);
    private static final int LOOKUP_RATE = LoadSupport.intProp("load.lookup.rate", 20);
    private static final int GAP = LoadSupport.intProp("load.recovery.gap", 5);
    private static final int RECOVERY_RATE = LoadSupport.intProp("load.recovery.rate", 20);
    private static final int RECOVERY = LoadSupport.intProp("load.recovery.during", 20);
    private static final boolean SHARE_CONNECTIONS =
            Boolean.parseBoolean(LoadSupport.prop("load.overload.shareConnections", "false"));

    private final LoadRecorder recorder = new LoadRecorder();
    private volatile long rushEndsAt = Long.MAX_VALUE;

    private String lookupPhase(Session s) {
        return s.getLong(LoadSupport.SENT_AT) < rushEndsAt ? "lookup-during-rush" : "lookup-after-rush";
    }

    {
        String officer = (String) LoadSupport.rows(LoadSupport.required("load.officerFile")).get(0).get("token");
        List<Map<String, Object>> applications = LoadSupport.rows(LoadSupport.required("load.applicationsFile"));
        HttpProtocolBuilder protocol = http.baseUrls(LoadSupport.baseUrls(BASE_URL))
                .acceptHeader("application/json, application/problem+json")
                .disableCaching();
        // Default: a connection per user, as separate browsers. With a shared pool the requests beyond the pool's
        // connections wait inside Gatling until they time out, and the service never sees the excess.
        if (SHARE_CONNECTIONS) {
            protocol = protocol.shareConnections();
        }
        var rush = scenario("rush").exec(LoadSupport.recorded(recorder, s -> "rush",
                        http("rush").get("/v1/applications?office=" + OFFICE).header("Authorization", "Bearer " + officer),
                        null, status().in(200, 429)))
                .injectOpen(constantUsersPerSec(RATE).during(DURING));
        var lookups = scenario("status lookups").exec(feed(listFeeder(applications).circular())
                        .exec(LoadSupport.recorded(recorder, this::lookupPhase,
                                http("lookup").get("/v1/applications/#{number}").header("X-Access-Code", "#{accessCode}"),
                                null, status().is(200))))
                .injectOpen(constantUsersPerSec(LOOKUP_RATE).during(DURING + GAP + RECOVERY));
        var recovery = scenario("recovery").exec(LoadSupport.recorded(recorder, s -> "recovery",
                        http("recovery").get("/v1/applications?office=" + OFFICE).header("Authorization", "Bearer " + officer),
                        null, status().is(200)))
                .injectOpen(nothingFor(Duration.ofSeconds(DURING + GAP)), constantUsersPerSec(RECOVERY_RATE).during(RECOVERY));
        System.out.printf("OverloadSimulation: %s, rush %d/s for %d s (GET /v1/applications?office=%s), lookups %d/s "
                        + "throughout (%d applications), recovery %d/s for %d s after a %d s gap%n", BASE_URL, RATE, DURING,
                OFFICE, LOOKUP_RATE, applications.size(), RECOVERY_RATE, RECOVERY, GAP);
        setUp(rush, lookups, recovery).protocols(protocol);
    }

    @Override
    public void before() {
        rushEndsAt = System.currentTimeMillis() + DURING * 1000L;
    }

    @Override
    public void after() {
        recorder.write(System.getProperty("load.statsFile"));
    }
}
