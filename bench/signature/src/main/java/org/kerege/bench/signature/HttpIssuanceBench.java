package org.kerege.bench.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

/**
 * Issuance rate through the HTTP .pfx path: starts PostgreSQL, Kafka and signature-service as
 * {@code ./kerege run} does (free ports, its own data directory), prepares N key applications in status
 * IDENTITY_CHECKED directly in the database (the SMS, payment and identity steps are not what is
 * measured), then has {@code --threads} officers call {@code POST /v1/key-applications/{id}/pfx} for
 * each. Reports issuances/s and latencies per algorithm, and the ratio to the JMH result given with
 * {@code --jmh=<jmh.json>} (same thread count).
 *
 * <pre>
 * args: [--algorithms=RSA_2048,EC_P256] [--count=300] [--warmup=50] [--warmup-seconds=s] [--threads=2] [--work=dir]
 *       [--jmh=file] [--out=file]
 * The warm-up per algorithm is at least --warmup issuances and at least --warmup-seconds, which defaults to the
 * warm-up time JMH had for that algorithm (warmupIterations x warmupTime in --jmh), so both sides are measured
 * after the same JIT warm-up time.
 * </pre>
 */
public final class HttpIssuanceBench {

    record Result(String algorithm, int count, double seconds, double perSecond, double p50Ms, double p99Ms) {
    }

    /** The shortest HTTP warm-up per algorithm by default (seconds). */
    private static final double MIN_WARMUP_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        Path repo = Path.of(System.getProperty("kerege.repo", ".")).toAbsolutePath().normalize();
        List<String> algorithms = List.of(o.getOrDefault("algorithms", "RSA_2048,EC_P256").split(","));
        int count = Integer.parseInt(o.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "50"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        Path work = Path.of(o.getOrDefault("work", repo.resolve("bench/signature/target/work").toString()));
        Path out = Path.of(o.getOrDefault("out", repo.resolve("bench/signature/target/results.md").toString()));
        LocalMachine.deleteTree(work);
        Files.createDirectories(work);

        Path app = repo.resolve("signature-service/target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: ./mvnw -o -q -DskipTests install "
                    + "-pl signature-service -am");
        }
        Path apps = work.resolve("apps");
        copyTree(app, apps.resolve("signature-service/target/quarkus-app"));

        List<Result> results = new ArrayList<>();
        Map<String, Double> jmhWarmup = o.containsKey("jmh") && Files.exists(Path.of(o.get("jmh")))
                ? readJmhWarmup(Path.of(o.get("jmh"))) : Map.of();
        // --jvm-opts="..." replaces the local run's quick-start JVM options (C1 only): JMH runs with a full JIT.
        List<String> jvm = o.containsKey("jvm-opts")
                ? (o.get("jvm-opts").isBlank() ? List.of() : java.util.Arrays.asList(o.get("jvm-opts").trim().split("\\s+")))
                : Suite.DEFAULT_JAVA_OPTIONS;
        try (Suite suite = Suite.builder().repoRoot(apps).dataDir(work).randomPorts().services(Suite.Service.SIGNATURE)
                .javaOptions(jvm).start()) {
            String base = suite.url(Suite.Service.SIGNATURE, 1);
            String token = suite.token("officer", "bench-officer", Map.of("office", "bench-office"));
            HttpClient http = HttpClient.newHttpClient();
            for (String algorithm : algorithms) {
                // Warm-up: at least --warmup issuances and at least as long as JMH warmed up the same algorithm
                // (its fork had -wi x -w seconds of JIT warm-up; a freshly started service JVM gets the same time),
                // and at least 60 s: a whole service (Kafka client, Netty, JDBC, ASN.1) keeps its JIT compiler threads
                // busy 10-40 s after start, CPU that a bare JMH fork never spends (issue 8, session 3's profile).
                double warmSeconds = Double.parseDouble(o.getOrDefault("warmup-seconds",
                        String.valueOf(Math.max(MIN_WARMUP_SECONDS, jmhWarmup.getOrDefault(algorithm, 0.0)))));
                long warmStart = System.nanoTime();
                int warmed = 0;
                while (warmed < warmup || (System.nanoTime() - warmStart) / 1e9 < warmSeconds) {
                    List<UUID> warm = prepare(suite, warmed < warmup ? warmup - warmed : Math.max(10, warmup / 2));
                    run(http, base, token, algorithm, warm, threads);
                    warmed += warm.size();
                }
                System.out.printf("%s: warmed up with %d issuances in %.1f s%n", algorithm, warmed,
                        (System.nanoTime() - warmStart) / 1e9);
                List<UUID> ids = prepare(suite, count);
                long start = System.nanoTime();
                List<Long> latencies = run(http, base, token, algorithm, ids, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                Collections.sort(latencies);
                results.add(new Result(algorithm, count, seconds, count / seconds,
                        latencies.get(latencies.size() / 2) / 1e6, latencies.get((int) Math.min(latencies.size() - 1,
                                Math.ceil(latencies.size() * 0.99) - 1)) / 1e6));
                System.out.printf("%s: %d issuances in %.1f s = %.1f/s%n", algorithm, count, seconds, count / seconds);
            }
        }
        Map<String, Double> jmh = o.containsKey("jmh") ? readJmh(Path.of(o.get("jmh"))) : Map.of();
        report(results, jmh, threads, out);
    }

    /** Key applications ready for issuance, written straight into the service's schema. */
    static List<UUID> prepare(Suite suite, int n) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = suite.postgres().connect(PostgresServer.DATABASE); PreparedStatement ps = c.prepareStatement("""
                insert into signature.key_application (id, applicant_type, pinfl, holder_name, phone, region, district,
                    channel, status, submitted_by, submitted_role, submitted_at, phone_verified_at, paid_at,
                    identity_checked_by, identity_checked_at, version)
                values (?, 'INDIVIDUAL', ?, 'Bench Holder', '+998901234567', 'Bench', 'Bench', 'SERVICE_CENTRE',
                    'IDENTITY_CHECKED', 'bench', 'officer', now(), now(), now(), 'bench-officer', now(), 0)""")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, String.format("3%013d", Math.floorMod(id.getLeastSignificantBits(), 10_000_000_000_000L)));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        }
        return ids;
    }

    static List<Long> run(HttpClient http, String base, String token, String algorithm, List<UUID> ids, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            String body = "{\"password\": \"bench-password-1\", \"keyAlgorithm\": \"" + algorithm + "\"}";
            for (UUID id : ids) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/key-applications/" + id + "/pfx"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200 || r.body().length < 500) {
                        throw new IllegalStateException("pfx for " + id + ": HTTP " + r.statusCode() + " " + new String(r.body()));
                    }
                    return System.nanoTime() - t0;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : futures) {
                latencies.add(f.get());
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** JMH JSON: algorithm → ops/s of keygenSignPkcs12. */
    static Map<String, Double> readJmh(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            out.put(run.path("params").path("algorithm").asText(), run.path("primaryMetric").path("score").asDouble());
        }
        return out;
    }

    /** JMH JSON: algorithm → seconds of warm-up (warmupIterations × warmupTime). */
    static Map<String, Double> readJmhWarmup(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String time = run.path("warmupTime").asText("0 s").trim();
            double seconds = time.endsWith(" ms") ? Double.parseDouble(time.substring(0, time.length() - 3)) / 1000
                    : time.endsWith(" s") ? Double.parseDouble(time.substring(0, time.length() - 2))
                    : time.endsWith(" min") ? 60 * Double.parseDouble(time.substring(0, time.length() - 4)) : 0;
            out.put(run.path("params").path("algorithm").asText(), run.path("warmupIterations").asInt(0) * seconds);
        }
        return out;
    }

    static void report(List<Result> results, Map<String, Double> jmh, int threads, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintStream p = new PrintStream(Files.newOutputStream(out))) {
            p.println("# signature-service issuance bench");
            p.println();
            p.printf("Machine: %d cores, Java %s. Threads: %d (HTTP clients and JMH threads).%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), threads);
            p.println("| algorithm | HTTP issuances/s | p50 ms | p99 ms | JMH bare ops/s | ratio HTTP/JMH | ms per issuance outside the crypto |");
            p.println("|---|---|---|---|---|---|---|");
            for (Result r : results) {
                Double bare = jmh.get(r.algorithm());
                String ratio = bare == null ? "–" : String.format("%.2f", r.perSecond() / bare);
                String outside = bare == null ? "–" : String.format("%.2f", (1000.0 * threads / r.perSecond())
                        - (1000.0 * threads / bare));
                p.printf("| %s | %.1f | %.1f | %.1f | %s | %s | %s |%n", r.algorithm(), r.perSecond(), r.p50Ms(), r.p99Ms(),
                        bare == null ? "–" : String.format("%.1f", bare), ratio, outside);
            }
            p.println();
            p.println("Bar (issue 8): ratio ≥ 0.8 for RSA-2048, where key generation dominates; for P-256 the last column "
                    + "is the time per issuance spent outside the cryptography (HTTP, JSON, database transaction, outbox).");
        }
        System.out.println(Files.readString(out));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
