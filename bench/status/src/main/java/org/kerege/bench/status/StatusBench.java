package org.kerege.bench.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

/**
 * Public status lookup of status-service next to {@code pgbench -S} on the same PostgreSQL.
 *
 * <ol>
 *   <li>Starts the devstack's PostgreSQL and Kafka and one status-service on free ports (data under the work
 *       directory), as {@code ./kerege run} starts them.</li>
 *   <li>Accepts {@code --applications} applications through {@code POST /v1/applications} (officer token of the dev
 *       key), keeping each number and its access code (the bench's own, never logged).</li>
 *   <li>wrk with a Lua script that cycles over the (number, code) pairs: {@code GET /v1/applications/{number}} with
 *       {@code X-Access-Code}. Each lookup checks the throttle (two primary-key reads), reads the application,
 *       verifies the SHA-256, reads the history and the due dates: about five indexed reads, as JSON.</li>
 *   <li>{@code pgbench -i -s <scale>} then {@code pgbench -S} (one primary-key select per transaction) with the same
 *       number of clients and threads and the same duration, on the same database.</li>
 *   <li>Warm-up of the service (wrk, discarded), then {@code --rounds} pairs, alternating; reports medians and the
 *       ratio lookups/s ÷ pgbench tps (goal ≥ 0.5).</li>
 * </ol>
 */
public final class StatusBench {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([A-Z]{2}-\\d{4}-\\d+)\"");
    private static final Pattern CODE = Pattern.compile("\"accessCode\"\\s*:\\s*\"([A-Z2-7-]{19})\"");
    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern WRK_LATENCY = Pattern.compile("Latency\\s+([0-9.]+\\w+)\\s+([0-9.]+\\w+)\\s+([0-9.]+\\w+)");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        Path repo = Path.of(System.getProperty("kerege.repo", ".")).toAbsolutePath();
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int applications = Integer.parseInt(o.getOrDefault("applications", "1000"));
        int scale = Integer.parseInt(o.getOrDefault("scale", "10"));
        Path work = Path.of(o.getOrDefault("work", repo.resolve("bench/status/target/status").toString()));
        Path out = Path.of(o.getOrDefault("out", repo.resolve("bench/status/target/results.md").toString()));
        List<String> jvm = o.containsKey("jvm-opts")
                ? (o.get("jvm-opts").isBlank() ? List.of() : Arrays.asList(o.get("jvm-opts").trim().split("\\s+")))
                : Suite.DEFAULT_JAVA_OPTIONS;
        LocalMachine.deleteTree(work);
        Files.createDirectories(work);

        // --answers-in-memory=false: every lookup reads the database (PublicStatusCache off), to see that path alone.
        boolean inMemory = Boolean.parseBoolean(o.getOrDefault("answers-in-memory", "true"));
        Suite.Builder builder = Suite.builder().repoRoot(repo).dataDir(work).randomPorts().services(Suite.Service.STATUS)
                .javaOptions(jvm);
        if (!inMemory) {
            builder.env(Suite.Service.STATUS, "KEREGE_STATUS_LOOKUP_CACHE_MAX_ENTRIES", "0");
        }
        try (Suite suite = builder.start()) {
            String base = suite.url(Suite.Service.STATUS, 1);
            String token = suite.token("officer", "bench-officer", Map.of("office", "kg.bishkek.psc-1",
                    "name", "Bench Officer", "position", "Inspector"));
            System.out.printf("status-service at %s; accepting %d applications ...%n", base, applications);
            List<String[]> pairs = accept(base, token, applications);
            Path lua = work.resolve("lookup.lua");
            Files.writeString(lua, lua(pairs), StandardCharsets.UTF_8);

            PostgresServer pg = suite.postgres();
            Map<String, String> pgEnv = Map.of("PGPASSWORD", pg.password());
            List<String> pgConn = List.of("-h", "localhost", "-p", String.valueOf(pg.port()), "-U", pg.username());
            List<String> init = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale)));
            init.addAll(pgConn);
            init.add(PostgresServer.DATABASE);
            run(init, pgEnv, Duration.ofMinutes(10));

            System.out.printf("warm-up: wrk %d s%n", warmup);
            run(wrk(threads, connections, warmup, lua, base), Map.of(), Duration.ofSeconds(warmup + 60L));

            List<Double> lookups = new ArrayList<>();
            List<Double> selects = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                String w = run(wrk(threads, connections, duration, lua, base), Map.of(), Duration.ofSeconds(duration + 60L));
                double rps = group(WRK_RPS, w, 1).map(Double::parseDouble).orElse(0.0);
                String non2xx = group(WRK_NON2XX, w, 1).orElse("0");
                String latency = group(WRK_LATENCY, w, 1).orElse("?") + " avg, " + group(WRK_LATENCY, w, 3).orElse("?") + " max";
                List<String> sel = new ArrayList<>(List.of("pgbench", "-S", "-n", "-c", String.valueOf(connections),
                        "-j", String.valueOf(threads), "-T", String.valueOf(duration)));
                sel.addAll(pgConn);
                sel.add(PostgresServer.DATABASE);
                String p = run(sel, pgEnv, Duration.ofSeconds(duration + 60L));
                double tps = group(PGBENCH_TPS, p, 1).map(Double::parseDouble).orElse(0.0);
                lookups.add(rps);
                selects.add(tps);
                String line = String.format(Locale.ROOT, "| %d | %.0f | %s | %s | %.0f | %.2f |", r, rps, latency, non2xx,
                        tps, tps == 0 ? 0 : rps / tps);
                System.out.println(line);
                lines.add(line);
            }
            double ml = median(lookups);
            double ms = median(selects);
            StringBuilder b = new StringBuilder();
            b.append("# Status lookup vs pgbench -S\n\n")
                    .append(String.format(Locale.ROOT, "%s; %d clients, %d threads, %d s per run, %d applications, pgbench scale %d; "
                                    + "JVM options %s; load before: %s; public answers kept in memory: %s%n%n", Instant.now(),
                            connections, threads, duration, applications, scale, jvm, LocalMachine.loadAverage(),
                            inMemory ? "yes (the default)" : "no (kerege.status.lookup.cache.max-entries=0)"))
                    .append("| round | lookups/s (wrk) | latency | non-2xx | pgbench -S tps | ratio |\n")
                    .append("|---|---|---|---|---|---|\n");
            lines.forEach(l -> b.append(l).append('\n'));
            b.append(String.format(Locale.ROOT, "%n**Median: %.0f lookups/s vs %.0f selects/s: ratio %.2f (goal >= 0.5)**%n",
                    ml, ms, ms == 0 ? 0 : ml / ms));
            Files.createDirectories(out.getParent());
            Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
            System.out.println(b);
            System.out.println("written to " + out);
        }
    }

    static List<String[]> accept(String base, String token, int n) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = """
                    {"serviceCode": "kg.passport.id-card",
                     "applicant": {"id": "%014d", "name": "Bench Applicant %d", "language": "ky"},
                     "documents": ["Passport being replaced", "Photo 4x6"], "delivery": {"choice": "PICK_UP"}}"""
                    .formatted(10_000_000_000_000L + i, i);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/applications"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST /v1/applications answered " + r.statusCode() + ": " + r.body());
            }
            Matcher number = NUMBER.matcher(r.body());
            Matcher code = CODE.matcher(r.body());
            if (!number.find() || !code.find()) {
                throw new IllegalStateException("no number or access code in the talon");
            }
            pairs.add(new String[] {number.group(1), code.group(1)});
        }
        return pairs;
    }

    static String lua(List<String[]> pairs) {
        StringBuilder b = new StringBuilder("local apps = {\n");
        for (String[] p : pairs) {
            b.append("  {\"").append(p[0]).append("\", \"").append(p[1]).append("\"},\n");
        }
        b.append("}\nlocal i = 0\n")
                .append("setup = function(thread) thread:set(\"offset\", math.random(#apps)) end\n")
                .append("request = function()\n  i = i + 1\n  local p = apps[((i + (offset or 0)) % #apps) + 1]\n")
                .append("  return wrk.format(\"GET\", \"/v1/applications/\" .. p[1], {[\"X-Access-Code\"] = p[2]})\nend\n");
        return b.toString();
    }

    static List<String> wrk(int threads, int connections, int seconds, Path lua, String base) {
        return List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "-s", lua.toString(), base);
    }

    static String run(List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in " + timeout);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "):\n" + text);
        }
        return text;
    }

    static java.util.Optional<String> group(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(group)) : java.util.Optional.empty();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
