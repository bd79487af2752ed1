package org.kerege.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A slot release rush: {@code load.rush.users} citizens (each its own token, from the feeder LoadBench writes)
 * arrive at one office within {@code load.rush.during} seconds ({@code rampUsers(N).during(d)}, open model) and each
 * tries to book one of the free slots of the same few days:
 *
 * <ol>
 *   <li>{@code GET /v1/offices/{office}/slots?service=...&from=...&to=...} ({@code list-slots}), keeps the slots with
 *       {@code remaining > 0};</li>
 *   <li>picks one at random and {@code POST /v1/bookings} {@code {"officeId","serviceCode","startsAt"}} with a fresh
 *       Idempotency-Key ({@code book}): 201 held, 409 when the slot filled meanwhile, 429 when shed or rate-limited;</li>
 *   <li>on 409 lists again and tries another slot; on 429 waits its Retry-After and tries again; at most
 *       {@code load.rush.attempts} bookings per citizen; gives up when the listing shows nothing free;</li>
 *   <li>confirms a held booking ({@code confirm}, {@code POST /v1/bookings/{id}/confirm}) when
 *       {@code load.rush.confirm} is true, as the portal does next.</li>
 * </ol>
 *
 * <p>System properties: {@code load.appointmentsUrl}, {@code load.citizensFile} (columns person, token),
 * {@code load.office} (kg-bishkek-1), {@code load.service} (kg.passport.id-card), {@code load.from}/{@code load.to}
 * (office-local dates; LoadBench picks the first days with free slots), {@code load.rush.users} (default: all
 * citizens of the file), {@code load.rush.during} (60 s), {@code load.rush.attempts} (3), {@code load.rush.confirm}
 * (true), {@code load.statsFile} (where {@link LoadRecorder} writes what it saw).
 */
public class SlotReleaseRushSimulation extends Simulation {

    private static final String BASE_URL = LoadSupport.prop("load.appointmentsUrl", "http://localhost:8082");
    private static final String OFFICE = LoadSupport.prop("load.office", "kg-bishkek-1");
    private static final String SERVICE = LoadSupport.prop("load.service", "kg.passport.id-card");
    private static final String FROM = LoadSupport.prop("load.from", "");
    private static final String TO = LoadSupport.prop("load.to", "");
    private static final int DURING = LoadSupport.intProp("load.rush.during", 60);
    private static final int ATTEMPTS = LoadSupport.intProp("load.rush.attempts", 3);
    private static final boolean CONFIRM = Boolean.parseBoolean(LoadSupport.prop("load.rush.confirm", "true"));

    private final LoadRecorder recorder = new LoadRecorder();

    private ChainBuilder listSlots() {
        String query = "?service=" + SERVICE + (FROM.isEmpty() ? "" : "&from=" + FROM) + (TO.isEmpty() ? "" : "&to=" + TO);
        return exec(s -> s.remove("free").remove("startsAt"))
                .exec(LoadSupport.recorded(recorder, s -> "list-slots",
                        http("list-slots").get("/v1/offices/" + OFFICE + "/slots" + query)
                                .header("Authorization", "Bearer #{token}"),
                        null,
                        jsonPath("$.days[*].slots[?(@.remaining > 0)].startsAt").findAll().optional().saveAs("free"),
                        status().is(200)))
                .exec(s -> {
                    if (!s.contains("free")) {
                        if (s.getInt(LoadSupport.STATUS) == 200) {
                            recorder.count("listing-showed-nothing-free");
                            return s.set("stop", true);
                        }
                        return s; // shed or failed: wait and list again (below)
                    }
                    List<String> free = s.getList("free");
                    return s.set("startsAt", free.get(ThreadLocalRandom.current().nextInt(free.size())));
                });
    }

    private ChainBuilder book() {
        return exec(s -> s.set("attempt", s.getInt("attempt") + 1).remove("bookingId"))
                .exec(LoadSupport.recorded(recorder, s -> "book",
                        http("book").post("/v1/bookings")
                                .header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", "#{randomUuid()}")
                                .body(StringBody("{\"officeId\": \"" + OFFICE + "\", \"serviceCode\": \"" + SERVICE
                                        + "\", \"startsAt\": \"#{startsAt}\"}")),
                        s -> {
                            int status = s.getInt(LoadSupport.STATUS);
                            if (status == 201) {
                                recorder.count("citizens-with-a-booking");
                                return s.set("booked", true).set("stop", true);
                            }
                            return s;
                        },
                        jsonPath("$.id").optional().saveAs("bookingId"),
                        jsonPath("$.type").optional().saveAs("problem"),
                        status().in(201, 409, 429)))
                .exec(s -> {
                    if (s.getInt(LoadSupport.STATUS) != 201 && s.contains("problem")) {
                        String type = s.getString("problem");
                        recorder.count("book-" + s.getInt(LoadSupport.STATUS) + " " + type.substring(type.lastIndexOf(':') + 1));
                    }
                    return s.remove("problem");
                });
    }

    private static boolean shed(Session s) {
        return s.contains(LoadSupport.STATUS) && (s.getInt(LoadSupport.STATUS) == 429 || s.getInt(LoadSupport.STATUS) == 0);
    }

    {
        List<Map<String, Object>> citizens = LoadSupport.rows(LoadSupport.required("load.citizensFile"));
        int users = LoadSupport.intProp("load.rush.users", citizens.size());
        if (users > citizens.size()) {
            throw new IllegalArgumentException(users + " users but only " + citizens.size() + " citizen tokens");
        }
        HttpProtocolBuilder protocol = http.baseUrls(LoadSupport.baseUrls(BASE_URL))
                .acceptHeader("application/json, application/problem+json")
                .contentTypeHeader("application/json")
                .disableCaching();
        ChainBuilder citizen = feed(listFeeder(citizens).queue())
                .exec(s -> s.set("attempt", 0).set("stop", false).set("booked", false))
                .asLongAs(s -> !s.getBoolean("stop") && s.getInt("attempt") < ATTEMPTS).on(
                        exec(listSlots())
                                .doIfOrElse(s -> s.contains("startsAt")).then(
                                        exec(book())
                                                .doIf(SlotReleaseRushSimulation::shed).then(
                                                        pause(s -> Duration.ofSeconds(LoadSupport.retryAfterSeconds(s))))
                                ).orElse(
                                        // the listing was shed (or failed): honour Retry-After, count it as a try
                                        doIf(s -> !s.getBoolean("stop")).then(
                                                exec(s -> s.set("attempt", s.getInt("attempt") + 1))
                                                        .pause(s -> Duration.ofSeconds(LoadSupport.retryAfterSeconds(s))))))
                .exec(s -> {
                    if (!s.getBoolean("booked")) {
                        recorder.count("citizens-without-a-booking");
                    }
                    return s;
                })
                .doIf(s -> CONFIRM && s.contains("bookingId") && s.getBoolean("booked")).then(
                        LoadSupport.recorded(recorder, s -> "confirm",
                                http("confirm").post("/v1/bookings/#{bookingId}/confirm")
                                        .header("Authorization", "Bearer #{token}"),
                                null, status().is(200)));
        System.out.printf("SlotReleaseRushSimulation: %s, office %s, service %s, days %s..%s, %d citizens over %d s, "
                        + "at most %d booking attempts each, confirm=%s%n", BASE_URL, OFFICE, SERVICE, FROM, TO, users,
                DURING, ATTEMPTS, CONFIRM);
        setUp(scenario("slot release rush").exec(citizen).injectOpen(rampUsers(users).during(DURING)))
                .protocols(protocol);
    }

    @Override
    public void after() {
        recorder.write(System.getProperty("load.statsFile"));
    }
}
