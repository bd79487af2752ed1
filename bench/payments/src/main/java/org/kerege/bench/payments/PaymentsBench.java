package org.kerege.bench.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kerege.devstack.Suite;

/**
 * Bank payments, measured over HTTP against one payments-service of a {@link Suite} (own PostgreSQL and Kafka,
 * free ports), started with {@code KEREGE_PAYMENTS_IDEMPOTENCY_REQUIRED=false} so that the same instance pays
 * with and without an Idempotency-Key.
 *
 * <p>Each round: issue 2×N invoices (not timed); pay N of them with a fresh key each and N without a key, in
 * alternating blocks so that neither variant gets a warmer JVM or a fuller table (both timed: throughput and
 * latency); then replay every keyed payment once (same key and body: the stored response). The first round
 * warms up and is not reported when there is more than one. Reported: throughput ratio keyed / bare (bar ≥
 * 0.8) and p99 of replays / p99 of keyed first calls (bar ≤ 0.5).
 *
 * <p>Options: {@code --payments=N} per variant per round (2000), {@code --concurrency=C} (16), {@code --rounds=R}
 * (2), {@code --work=<dir>} (target/payments-bench), {@code --out=<file>} (target/results.md), {@code --repo}.
 */
public final class PaymentsBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String officer;
    private String bank;

    record Call(int status, long nanos, String body) {
    }

    record Phase(String name, int count, double seconds, long[] sortedNanos, long errors) {
        double perSecond() {
            return count / seconds;
        }

        double p(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new PaymentsBench().run(o);
    }

    void run(Map<String, String> o) throws Exception {
        Path repo = Path.of(o.getOrDefault("repo", System.getProperty("kerege.repo", "."))).toAbsolutePath().normalize();
        int n = Integer.parseInt(o.getOrDefault("payments", "2000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "2"));
        Path work = Path.of(o.getOrDefault("work", repo.resolve("bench/payments/target/payments-bench").toString()));
        Path out = Path.of(o.getOrDefault("out", repo.resolve("bench/payments/target/results.md").toString()));
        Files.createDirectories(work);
        // --jvm-opts="..." replaces the local run's quick-start JVM options (C1 only) with a full JIT, as in production.
        List<String> jvm = o.containsKey("jvm-opts")
                ? (o.get("jvm-opts").isBlank() ? List.of() : java.util.Arrays.asList(o.get("jvm-opts").trim().split("\\s+")))
                : Suite.DEFAULT_JAVA_OPTIONS;
        try (Suite suite = Suite.builder().repoRoot(repo).dataDir(work).randomPorts().services(Suite.Service.PAYMENTS)
                .javaOptions(jvm)
                .env(Suite.Service.PAYMENTS, "KEREGE_PAYMENTS_IDEMPOTENCY_REQUIRED", "false")
                .env(Suite.Service.PAYMENTS, "KEREGE_PAYMENTS_WEBHOOKS_ENABLED", "false")
                // A closed-loop capacity bench: keep the load-shedding ceiling (2 per processor by default) above the
                // concurrent clients, so that it measures payments, not 429s.
                .env(Suite.Service.PAYMENTS, "KEREGE_HTTP_SHEDDING_MAX_IN_FLIGHT", "256")
                .output(System.out).start()) {
            base = suite.url(Suite.Service.PAYMENTS, 1);
            officer = suite.token("officer", "bench-officer", Map.of("office", "ub-central"));
            bank = suite.token("bank", "bench-bank", Map.of("bank", "benchbank"));
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Phase[]> results = new ArrayList<>();
            try {
                for (int r = 1; r <= rounds; r++) {
                    System.out.printf(Locale.ROOT, "round %d/%d: issuing %d invoices%n", r, rounds, 2 * n);
                    List<String> codes = issue(pool, 2 * n);
                    Phase[] p = round(pool, codes, n);
                    results.add(p);
                    for (Phase x : p) {
                        System.out.printf(Locale.ROOT, "  %-22s %6d in %6.2f s = %8.1f/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                                x.name(), x.count(), x.seconds(), x.perSecond(), x.p(0.5), x.p(0.99), x.errors());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            write(out, results, n, concurrency, rounds);
            System.out.println("results: " + out);
        }
    }

    private List<String> issue(ExecutorService pool, int count) throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/invoices"))
                        .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"feeCode\": \"mn.passport.extension\", \"options\": {\"years\": 3}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("issue: " + r.statusCode() + " " + r.body());
                }
                JsonNode j = JSON.readTree(r.body());
                return j.path("paymentCode").asText();
            });
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            codes.add(f.get());
        }
        return codes;
    }

    private Phase[] round(ExecutorService pool, List<String> codes, int n) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("bench-" + UUID.randomUUID());
        }
        // alternate blocks of 100: keyed, bare, keyed, … so both variants see the same JVM and table state
        int block = Math.max(1, Math.min(100, n / 10));
        List<Call> keyed = new ArrayList<>();
        List<Call> bare = new ArrayList<>();
        double keyedSeconds = 0;
        double bareSeconds = 0;
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            long t0 = System.nanoTime();
            keyed.addAll(pay(pool, codes.subList(from, to), keys.subList(from, to)));
            long t1 = System.nanoTime();
            bare.addAll(pay(pool, codes.subList(n + from, n + to), null));
            long t2 = System.nanoTime();
            keyedSeconds += (t1 - t0) / 1e9;
            bareSeconds += (t2 - t1) / 1e9;
        }
        long t0 = System.nanoTime();
        List<Call> replays = pay(pool, codes.subList(0, n), keys);
        double replaySeconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < n; i++) {
            if (keyed.get(i).status() == 201 && !keyed.get(i).body().equals(replays.get(i).body())) {
                throw new IllegalStateException("replay " + i + " differs from the first response");
            }
        }
        return new Phase[] {phase("pay, Idempotency-Key", keyed, keyedSeconds, 201),
                phase("pay, no key", bare, bareSeconds, 201), phase("replay (same key)", replays, replaySeconds, 201)};
    }

    private static Phase phase(String name, List<Call> calls, double seconds, int ok) {
        long[] nanos = calls.stream().mapToLong(Call::nanos).sorted().toArray();
        long errors = calls.stream().filter(c -> c.status() != ok).count();
        return new Phase(name, calls.size(), seconds, nanos, errors);
    }

    private List<Call> pay(ExecutorService pool, List<String> codes, List<String> keys) throws Exception {
        List<Callable<Call>> tasks = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String key = keys == null ? null : keys.get(i);
            tasks.add(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/bank/invoices/" + code + "/payments"))
                        .header("Authorization", "Bearer " + bank).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amountMinor\": 850000, \"currency\": \"MNT\"}"));
                if (key != null) {
                    b.header("Idempotency-Key", key);
                }
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Call(r.statusCode(), System.nanoTime() - t, r.body());
            });
        }
        List<Call> calls = new ArrayList<>();
        for (Future<Call> f : pool.invokeAll(tasks)) {
            calls.add(f.get());
        }
        return calls;
    }

    private static void write(Path out, List<Phase[]> results, int n, int concurrency, int rounds) throws Exception {
        List<Phase[]> counted = results.size() > 1 ? results.subList(1, results.size()) : results;
        StringBuilder b = new StringBuilder("# payments bench\n\n");
        b.append(String.format(Locale.ROOT, "%s — %d payments per variant per round, concurrency %d, %d round(s)%s; cores %d%n%n",
                Instant.now(), n, concurrency, rounds, results.size() > 1 ? " (first = warm-up, not counted)" : "",
                Runtime.getRuntime().availableProcessors()));
        b.append("| round | phase | count | seconds | per second | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < results.size(); r++) {
            for (Phase p : results.get(r)) {
                b.append(String.format(Locale.ROOT, "| %d | %s | %d | %.2f | %.1f | %.2f | %.2f | %d |%n", r + 1, p.name(),
                        p.count(), p.seconds(), p.perSecond(), p.p(0.5), p.p(0.99), p.errors()));
            }
        }
        double keyed = counted.stream().mapToDouble(p -> p[0].perSecond()).average().orElse(Double.NaN);
        double bare = counted.stream().mapToDouble(p -> p[1].perSecond()).average().orElse(Double.NaN);
        double firstP99 = counted.stream().mapToDouble(p -> p[0].p(0.99)).average().orElse(Double.NaN);
        double replayP99 = counted.stream().mapToDouble(p -> p[2].p(0.99)).average().orElse(Double.NaN);
        b.append(String.format(Locale.ROOT, "%nthroughput ratio keyed / bare = %.3f (bar ≥ 0.8)%n", keyed / bare));
        b.append(String.format(Locale.ROOT, "p99 replay / p99 first keyed call = %.3f (bar ≤ 0.5)%n", replayP99 / firstP99));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, b.toString());
        System.out.print(b);
    }
}
