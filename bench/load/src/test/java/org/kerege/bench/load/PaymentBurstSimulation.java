package org.kerege.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment burst from several banks: the invoices LoadBench issued are paid while {@code load.pay.contenders}
 * payers target each one at about the same moment, each as a bank of the file ({@code (invoice + contender) mod
 * banks}) with its own Idempotency-Key — as when a citizen pays in two banking apps at once, or a bank's retry
 * races another bank. Every contender scenario walks the same invoices in the same order with the same
 * injection ({@code rampUsers(M).during(d)}), so the i-th arrivals of all scenarios hit the same invoice together.
 *
 * <ul>
 *   <li>{@code pay}: each contender's request; exactly one per invoice may be a fresh 201, the others 409
 *       invoice-already-paid (or 409 idempotency-key-in-progress);</li>
 *   <li>{@code twin} ({@code load.pay.twin}): a second copy of contender 0's request, same bank, key and body, sent
 *       at the same moment (the bank's own retry racing the original): a replayed answer or 409 in-progress;</li>
 *   <li>{@code replay} ({@code load.pay.replay}): each contender repeats its request once its answer came: the
 *       stored answer ({@code Idempotent-Replayed: true}), never a second payment.</li>
 * </ul>
 * A 429 (shed) or a lost answer is retried after Retry-After with the same key and body, up to 5 times.
 * A fresh payment is a 201 without {@code Idempotent-Replayed}; the simulation counts them per invoice.
 *
 * <p>System properties: {@code load.paymentsUrl}, {@code load.invoicesFile} (columns idx, code, amountMinor,
 * currency), {@code load.banksFile} (columns bank, token), {@code load.pay.contenders} (3), {@code load.pay.during}
 * (30 s), {@code load.pay.twin} (true), {@code load.pay.replay} (true), {@code load.statsFile}.
 */
public class PaymentBurstSimulation extends Simulation {

    private static final String BASE_URL = LoadSupport.prop("load.paymentsUrl", "http://localhost:8083");
    private static final int CONTENDERS = LoadSupport.intProp("load.pay.contenders", 3);
    private static final int DURING = LoadSupport.intProp("load.pay.during", 30);
    private static final boolean TWIN = Boolean.parseBoolean(LoadSupport.prop("load.pay.twin", "true"));
    private static final boolean REPLAY = Boolean.parseBoolean(LoadSupport.prop("load.pay.replay", "true"));
    private static final int MAX_TRIES = 5;

    private final LoadRecorder recorder = new LoadRecorder();
    private final Map<String, AtomicInteger> freshByInvoice = new ConcurrentHashMap<>();
    private List<Map<String, Object>> invoices;

    private ChainBuilder pay(String name) {
        return exec(s -> s.set("tries", 0).set(LoadSupport.STATUS, -1))
                .asLongAs(s -> s.getInt("tries") < MAX_TRIES && (s.getInt("tries") == 0 || shedOrLost(s))).on(
                        exec(s -> s.set("tries", s.getInt("tries") + 1).remove("replayed").remove("problem"))
                                .exec(LoadSupport.recorded(recorder, s -> name,
                                        http(name).post("/v1/bank/invoices/#{code}/payments")
                                                .header("Authorization", "Bearer #{bankToken}")
                                                .header("Idempotency-Key", "#{key}")
                                                .body(StringBody("{\"amountMinor\": #{amountMinor}, \"currency\": "
                                                        + "\"#{currency}\", \"bankReference\": \"#{key}\"}")),
                                        this::outcome,
                                        header("Idempotent-Replayed").optional().saveAs("replayed"),
                                        jsonPath("$.type").optional().saveAs("problem"),
                                        status().in(201, 409, 429)))
                                .doIf(PaymentBurstSimulation::shedOrLost).then(
                                        pause(s -> Duration.ofSeconds(LoadSupport.retryAfterSeconds(s)))));
    }

    private Session outcome(Session s) {
        int status = s.getInt(LoadSupport.STATUS);
        boolean replayed = s.contains("replayed") && "true".equalsIgnoreCase(s.getString("replayed"));
        String what;
        if (status == 201 && !replayed) {
            freshByInvoice.computeIfAbsent(s.getString("code"), c -> new AtomicInteger()).incrementAndGet();
            what = "201 fresh payment";
        } else if (s.contains("problem")) {
            String type = s.getString("problem");
            what = status + " " + type.substring(type.lastIndexOf(':') + 1) + (replayed ? " (replayed)" : "");
        } else {
            what = status + (replayed ? " replayed" : "");
        }
        recorder.count("outcome." + s.getString("call") + "." + what);
        return s;
    }

    private static boolean shedOrLost(Session s) {
        int status = s.getInt(LoadSupport.STATUS);
        return status == 429 || status == 0;
    }

    /** Contender {@code c}'s payer for the invoice of the session: a bank of the file, and its own key. */
    private static Session payer(Session s, List<Map<String, Object>> banks, int contender, String call) {
        int idx = Integer.parseInt(s.getString("idx"));
        Map<String, Object> bank = banks.get(Math.floorMod(idx + contender, banks.size()));
        return s.set("bankToken", bank.get("token")).set("bank", bank.get("bank"))
                .set("key", "load-" + bank.get("bank") + "-" + s.getString("code") + "-c" + contender)
                .set("call", call);
    }

    {
        invoices = LoadSupport.rows(LoadSupport.required("load.invoicesFile"));
        List<Map<String, Object>> banks = LoadSupport.rows(LoadSupport.required("load.banksFile"));
        if (CONTENDERS < 2) {
            throw new IllegalArgumentException("load.pay.contenders must be at least 2");
        }
        HttpProtocolBuilder protocol = http.baseUrls(LoadSupport.baseUrls(BASE_URL))
                .acceptHeader("application/json, application/problem+json")
                .contentTypeHeader("application/json")
                .disableCaching()
                .shareConnections();
        List<PopulationBuilder> populations = new ArrayList<>();
        for (int c = 0; c < CONTENDERS; c++) {
            int contender = c;
            ChainBuilder chain = feed(listFeeder(invoices).queue())
                    .exec(s -> payer(s, banks, contender, "pay"))
                    .exec(pay("pay"));
            if (REPLAY) {
                chain = chain.exec(s -> s.set("call", "replay")).exec(pay("replay"));
            }
            populations.add(scenario("bank contender " + c).exec(chain)
                    .injectOpen(rampUsers(invoices.size()).during(DURING)));
        }
        if (TWIN) {
            // contender 0's request, same bank, key and body, at the same moment
            populations.add(scenario("twin of contender 0").exec(feed(listFeeder(invoices).queue())
                            .exec(s -> payer(s, banks, 0, "twin")).exec(pay("twin")))
                    .injectOpen(rampUsers(invoices.size()).during(DURING)));
        }
        System.out.printf("PaymentBurstSimulation: %s, %d invoices over %d s, %d contenders each (banks: %d), twin=%s, "
                        + "replay=%s%n", BASE_URL, invoices.size(), DURING, CONTENDERS, banks.size(), TWIN, REPLAY);
        setUp(populations).protocols(protocol);
    }

    @Override
    public void after() {
        long once = 0;
        long more = 0;
        long none = 0;
        long fresh = 0;
        for (Map<String, Object> invoice : invoices) {
            AtomicInteger n = freshByInvoice.get((String) invoice.get("code"));
            int count = n == null ? 0 : n.get();
            fresh += count;
            if (count == 0) {
                none++;
            } else if (count == 1) {
                once++;
            } else {
                more++;
            }
        }
        recorder.add("invoices", invoices.size());
        recorder.add("fresh-201", fresh);
        recorder.add("invoices-with-one-fresh-201", once);
        recorder.add("invoices-with-several-fresh-201", more);
        recorder.add("invoices-without-fresh-201", none);
        recorder.write(System.getProperty("load.statsFile"));
    }
}
