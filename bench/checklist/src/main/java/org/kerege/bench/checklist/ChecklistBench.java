package org.kerege.bench.checklist;

import org.kerege.devstack.DevKeys;
import org.kerege.devstack.DevTokens;
import org.kerege.devstack.KafkaBroker;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checklist evaluation throughput of requirements-service next to a trivial Quarkus JSON endpoint, and the
 * checklist's latency at a constant arrival rate (issue 4). Run by {@code bench/checklist/run.sh}.
 *
 * <p>Infrastructure, started once, as in {@code bench/startup}: the devstack's embedded PostgreSQL and its Kafka
 * broker (own JVM), on free ports, fresh data under the work directory. requirements-service publishes its
 * shipped catalog at its first start and then serves the checklist from memory.
 *
 * <p><b>Throughput</b> (closed loop, wrk): one app at a time, each started as
 * {@code java <JVM options> -jar <module>/target/quarkus-app/quarkus-run.jar} with the same JVM options
 * (requirements-service with the environment the suite runner gives it, the bare app with its port only). Each
 * start: one request of each kind checked for status 200 and the expected body, then a wrk warm-up run, then the
 * measured wrk run with the same settings, then SIGTERM. Both apps get the same client settings and the same two
 * request bodies ({@code wrk/post.lua}): requirements-service {@code POST /v1/services/{code}/checklist}, the bare
 * app {@code POST /echo} (Quarkus default: a worker thread) and {@code POST /echo/event-loop} ({@code @NonBlocking}, the
 * stricter baseline, since the checklist answers on the event loop too). Rounds alternate the apps (bare, bare on
 * the event loop, requirements, ...), so a disturbance of the machine
 * hits both; the result is the median requests/s per app and their ratio (goal ≥ 0.8).
 *
 * <p><b>Latency</b> (open model, Gatling): requirements-service is started once more, warmed up with the same wrk
 * warm-up, and {@code ChecklistSimulation} runs through the gatling-maven-plugin
 * ({@code mvnw -o -Pbench -pl bench/checklist test-compile gatling:test -Dchecklist.baseUrl=...}); the runner reads
 * the measured phase's statistics from Gatling's HTML report.
 *
 * <p>Client and servers share this machine's cores; the figures are of the pair, not of the server alone.
 *
 * <p>Options: {@code --repo=<root>} (default: system property {@code kerege.repo}, else the working directory),
 * {@code --rounds=3}, {@code --threads=2}, {@code --connections=32}, {@code --duration=20} (s),
 * {@code --warmup=10} (s), {@code --gatling=true}, {@code --rate=1000} (requests/s), {@code --gatling-during=30} (s),
 * {@code --gatling-warmup=10} (s), {@code --share-connections=true}, {@code --jvm-opts="<options>"} (default: those
 * of the local run, {@link Suite#DEFAULT_JAVA_OPTIONS}; {@code --jvm-opts=} for the JVM's own defaults),
 * {@code --work=<dir>} (default {@code <repo>/bench/checklist/target/checklist}), {@code --out=<file>} (default
 * {@code <repo>/bench/checklist/target/results.md}), {@code --wrk=wrk}, {@code --cache-bytes=<n>} (the service's
 * {@code kerege.requirements.checklist-cache-bytes}; {@code 0} measures every answer decided and written anew).
 */
public final class ChecklistBench {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** The request name of ChecklistSimulation's measured phase. */
    static final String MEASURED_REQUEST = "checklist";

    /** The two request bodies, as in wrk/post.lua and ChecklistSimulation. */
    static final Map<String, String> FACTS = Map.of(
            "kg.meken-card", "{\"citizenship\": \"DE\", \"countryOfResidence\": \"DE\", \"category\": \"former-citizen\", "
                    + "\"procedure\": \"general\", \"applyingAtMissionAbroad\": true}",
            "mn.passport.extension", "{\"age\": 70, \"extensionYears\": 3}");

    /** An app under test. */
    record App(String name, Path jar, String probe, boolean service, String wrkTarget, String path) {
    }

    /** One measured wrk run. */
    record WrkResult(double requestsPerSecond, long requests, double seconds, long non2xx, String socketErrors,
                     String p50, String p90, String p99, String max) {
    }

    private final Path repo;
    private final Path work;
    private final Path wrkScript;
    private final int rounds;
    private final int threads;
    private final int connections;
    private final int duration;
    private final int warmup;
    private final boolean gatling;
    private final int rate;
    private final int gatlingDuring;
    private final int gatlingWarmup;
    private final boolean shareConnections;
    private final String wrk;
    private final List<String> jvmOptions;
    /** {@code kerege.requirements.checklist-cache-bytes} for the service (0: every answer decided and written anew). */
    private final Optional<String> cacheBytes;
    private final App bare;
    private final App bareEventLoop;
    private final App requirements;
    private volatile Process current;
    private volatile Process client;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private Path publicKey;

    private ChecklistBench(Map<String, String> options) {
        repo = Path.of(options.getOrDefault("repo", System.getProperty("kerege.repo", ".")))
                .toAbsolutePath().normalize();
        work = Path.of(options.getOrDefault("work", repo.resolve("bench/checklist/target/checklist").toString()))
                .toAbsolutePath().normalize();
        wrkScript = repo.resolve("bench/checklist/wrk/post.lua");
        rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        duration = Integer.parseInt(options.getOrDefault("duration", "20"));
        warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        gatling = Boolean.parseBoolean(options.getOrDefault("gatling", "true"));
        rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        gatlingDuring = Integer.parseInt(options.getOrDefault("gatling-during", "30"));
        gatlingWarmup = Integer.parseInt(options.getOrDefault("gatling-warmup", "10"));
        shareConnections = Boolean.parseBoolean(options.getOrDefault("share-connections", "true"));
        wrk = options.getOrDefault("wrk", "wrk");
        cacheBytes = Optional.ofNullable(options.get("cache-bytes"));
        String opts = options.get("jvm-opts");
        jvmOptions = opts == null ? Suite.DEFAULT_JAVA_OPTIONS
                : Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        bare = new App("bare-rest", repo.resolve("bench/bare-rest/target/quarkus-app/quarkus-run.jar"), "/hello", false,
                "echo", "/echo");
        bareEventLoop = new App("bare-rest (event loop)", bare.jar(), "/hello", false, "echo-event-loop",
                "/echo/event-loop");
        requirements = new App("requirements-service",
                repo.resolve("requirements-service/target/quarkus-app/quarkus-run.jar"), "/q/health/live", true,
                "checklist", "/v1/services/{code}/checklist");
        if (rounds < 0 || threads < 1 || connections < threads || duration < 1 || warmup < 0 || rate < 1
                || gatlingDuring < 1 || gatlingWarmup < 0 || (rounds == 0 && !gatling)) {
            throw new IllegalArgumentException("need --rounds >= 0 (or --gatling), --threads >= 1, --connections >= "
                    + "--threads, --duration >= 1, --warmup >= 0, --rate >= 1, --gatling-during >= 1");
        }
    }

    /**
     * Runs the benchmark and prints the result.
     *
     * @param args {@code --name=value} options, see the class comment
     * @throws Exception when an app does not start or answers wrongly
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("usage: ChecklistBench [--rounds=3] [--threads=2] [--connections=32] [--duration=20]"
                        + " [--warmup=10] [--gatling=true] [--rate=1000] [--gatling-during=30] [--gatling-warmup=10]"
                        + " [--share-connections=true] [--jvm-opts=\"...\"] [--repo=<root>] [--work=<dir>] [--out=<file>]");
                System.exit(2);
            }
            int eq = a.indexOf('=');
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        ChecklistBench bench = new ChecklistBench(options);
        Path outFile = Path.of(options.getOrDefault("out",
                bench.repo.resolve("bench/checklist/target/results.md").toString())).toAbsolutePath();
        String report = bench.run();
        Files.createDirectories(outFile.getParent());
        Files.writeString(outFile, report, StandardCharsets.UTF_8);
        System.out.println("(written to " + outFile + ")");
    }

    private String run() throws Exception {
        for (App app : List.of(bare, bareEventLoop, requirements)) {
            if (!Files.isRegularFile(app.jar())) {
                throw new IllegalStateException(app.jar() + " is missing: build first (./mvnw -o -Pbench -DskipTests install)");
            }
        }
        if (!Files.isRegularFile(wrkScript)) {
            throw new IllegalStateException(wrkScript + " is missing");
        }
        String wrkVersion = wrkVersion();
        String loadBefore = LocalMachine.loadAverage();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : new Process[] {client, current}) {
                if (p != null) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        }, "checklist-bench-stop-app"));
        LocalMachine.deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("tmp"));
        Map<App, List<WrkResult>> results = new LinkedHashMap<>();
        results.put(bare, new ArrayList<>());
        results.put(bareEventLoop, new ArrayList<>());
        results.put(requirements, new ArrayList<>());
        GatlingStats gatlingResult = null;
        String gatlingFailure = null;
        startInfrastructure();
        try {
            for (int r = 1; r <= rounds; r++) {
                String label = "round" + r;
                for (App app : List.of(bare, bareEventLoop, requirements)) {
                    WrkResult result = withApp(app, label, port -> wrk(app, port, duration, label));
                    results.get(app).add(result);
                    System.out.printf(Locale.ROOT, "round %d/%d %-22s %10.1f requests/s  (%d in %.1f s; latency p50 %s, "
                                    + "p99 %s; non-2xx %d; socket errors %s)%n", r, rounds, app.name(),
                            result.requestsPerSecond(), result.requests(), result.seconds(), result.p50(), result.p99(),
                            result.non2xx(), result.socketErrors().isEmpty() ? "none" : result.socketErrors());
                }
            }
            if (gatling) {
                try {
                    gatlingResult = withApp(requirements, "gatling", this::gatling);
                } catch (IllegalStateException e) {
                    gatlingFailure = e.getMessage();
                    System.err.println("!! Gatling: " + e.getMessage());
                }
            }
        } finally {
            kafka.stop();
            postgres.stop();
        }
        String report = report(results, gatlingResult, gatlingFailure, wrkVersion, loadBefore, LocalMachine.loadAverage());
        System.out.println();
        System.out.print(report);
        return report;
    }

    private void startInfrastructure() {
        System.out.println("starting PostgreSQL and Kafka (free ports, data under " + work + ") ...");
        postgres = PostgresServer.start(new PostgresServer.Options(0, work.resolve("postgres"), false,
                work.resolve("tmp"), work.resolve("logs/postgres.log"), true));
        kafka = KafkaBroker.start(0, 0, work.resolve("kafka"), work.resolve("logs/kafka.log"), true);
        DevKeys.loadOrCreate(work.resolve("keys"));
        publicKey = work.resolve("keys/" + DevKeys.PUBLIC_KEY_FILE);
        System.out.println("PostgreSQL at " + postgres.jdbcUrl(PostgresServer.DATABASE) + ", Kafka at "
                + kafka.bootstrapServers());
    }

    private interface WithPort<T> {
        T run(int port) throws IOException, InterruptedException;
    }

    /**
     * Starts the app, waits for it, checks one request of each kind, warms it up with wrk, runs the action, stops
     * the app.
     */
    private <T> T withApp(App app, String label, WithPort<T> action) throws IOException, InterruptedException {
        int port = LocalMachine.freePort();
        Path log = work.resolve("logs/" + app.name() + "-" + label + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.add("-jar");
        command.add(app.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (app.service()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(PostgresServer.DATABASE));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevKeys.fileLocation(publicKey));
            env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
            // A closed-loop capacity bench: the load-shedding ceiling (by default 2 per processor) must stay above the
            // client's connections, or the figures would count fast 429s instead of checklists.
            env.put("KEREGE_HTTP_SHEDDING_MAX_IN_FLIGHT", Integer.toString(4 * connections));
            cacheBytes.ifPresent(bytes -> env.put("KEREGE_REQUIREMENTS_CHECKLIST_CACHE_BYTES", bytes));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        Process process = builder.start();
        current = process;
        try {
            awaitReady(app, port, process, http, log);
            checkAnswers(app, port, http);
            if (warmup > 0) {
                WrkResult w = wrk(app, port, warmup, label + "-warmup");
                System.out.printf(Locale.ROOT, "  warm-up %-22s %10.1f requests/s over %d s%n", app.name(),
                        w.requestsPerSecond(), warmup);
            }
            return action.run(port);
        } finally {
            process.destroy();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            current = null;
        }
    }

    /**
     * Waits for a 200 on the probe. For requirements-service also waits until the catalog is published (the
     * checklist answers 503 catalog-not-published before that).
     */
    private void awaitReady(App app, int port, Process process, HttpClient http, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + app.probe()))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.name() + " exited with code " + process.exitValue()
                        + " before it answered; end of " + log + ":\n" + LocalMachine.tail(log, 40));
            }
            Optional<HttpResponse<String>> answer = send(http, probe);
            if (answer.isPresent() && answer.get().statusCode() == 200
                    && (!app.service() || send(http, request(app, port, "mn.passport.extension"))
                            .map(HttpResponse::statusCode).orElse(-1) == 200)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(app.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s; end of " + log + ":\n" + LocalMachine.tail(log, 40));
            }
            Thread.sleep(50);
        }
    }

    /** One request of each kind must answer 200 with the expected body, else the figures would measure errors. */
    private static void checkAnswers(App app, int port, HttpClient http) throws InterruptedException {
        for (String code : FACTS.keySet()) {
            HttpResponse<String> response = send(http, request(app, port, code))
                    .orElseThrow(() -> new IllegalStateException(app.name() + " did not answer"));
            String expected = app.service() ? "\"code\":\"" + code + "\"" : "\"message\":\"echo\"";
            if (response.statusCode() != 200 || !response.body().contains(expected)) {
                throw new IllegalStateException(app.name() + " answered " + response.statusCode() + " for " + code
                        + " (expected 200 with " + expected + "): " + response.body());
            }
        }
    }

    private static HttpRequest request(App app, int port, String code) {
        String path = app.path().replace("{code}", code);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(FACTS.get(code))).build();
    }

    private static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty(); // not listening yet
        }
    }

    // ------------------------------------------------------------------------------------------ wrk

    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_TOTAL = Pattern.compile("([0-9]+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern WRK_NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern WRK_SOCKET = Pattern.compile("Socket errors:\\s+(.*)");
    private static final Pattern WRK_PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern WRK_MAX = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");

    private WrkResult wrk(App app, int port, int seconds, String label) throws IOException, InterruptedException {
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", wrkScript.toString(), "http://localhost:" + port, "--", app.wrkTarget());
        Path log = work.resolve("logs/wrk-" + app.name() + "-" + label + ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile())).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher rps = WRK_RPS.matcher(output);
        Matcher total = WRK_TOTAL.matcher(output);
        if (p.exitValue() != 0 || !rps.find() || !total.find()) {
            throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                    + "\n" + output);
        }
        double secs = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
            case "ms" -> 0.001;
            case "m" -> 60;
            default -> 1;
        };
        Matcher non2xx = WRK_NON2XX.matcher(output);
        Matcher socket = WRK_SOCKET.matcher(output);
        Map<String, String> pct = new LinkedHashMap<>();
        Matcher m = WRK_PERCENTILE.matcher(output);
        while (m.find()) {
            pct.put(m.group(1), m.group(2));
        }
        Matcher max = WRK_MAX.matcher(output);
        return new WrkResult(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)), secs,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socket.find() ? socket.group(1).trim() : "",
                pct.getOrDefault("50", "?"), pct.getOrDefault("90", "?"), pct.getOrDefault("99", "?"),
                max.find() ? max.group(1) : "?");
    }

    private String wrkVersion() {
        try {
            Process p = new ProcessBuilder(wrk, "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("wrk").replaceAll("\\s*Copyright.*", "").trim();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install -y wrk)", e);
        }
    }

    // ------------------------------------------------------------------------------------------ Gatling

    private GatlingStats gatling(int port) throws IOException, InterruptedException {
        Path results = repo.resolve("bench/checklist/target/gatling");
        List<String> command = List.of(repo.resolve("mvnw").toString(), "-o", "-B", "-Pbench", "-pl", "bench/checklist",
                "test-compile", "gatling:test",
                "-Dchecklist.baseUrl=http://localhost:" + port,
                "-Dchecklist.rate=" + rate,
                "-Dchecklist.during=" + gatlingDuring,
                "-Dchecklist.warmup=" + gatlingWarmup,
                "-Dchecklist.shareConnections=" + shareConnections);
        Path log = work.resolve("logs/gatling.txt");
        System.out.println("  Gatling: " + String.join(" ", command) + "  (output: " + log + ")");
        long before = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile())).start();
        client = p;
        try {
            if (!p.waitFor(gatlingWarmup + gatlingDuring + 600L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Gatling did not finish; see " + log);
            }
        } finally {
            client = null;
        }
        Path report;
        try (Stream<Path> dirs = Files.list(results)) {
            report = dirs.filter(Files::isDirectory)
                    .filter(d -> d.toFile().lastModified() >= before - 1000)
                    .filter(d -> Files.isRegularFile(d.resolve("index.html")))
                    .max(Comparator.comparingLong(d -> d.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under " + results + " (exit "
                            + p.exitValue() + "); see " + log + ":\n" + LocalMachine.tail(log, 40)));
        } catch (IOException e) {
            throw new IllegalStateException("no Gatling report under " + results + " (exit " + p.exitValue() + "); see "
                    + log + ":\n" + LocalMachine.tail(log, 40));
        }
        return GatlingStats.read(report, MEASURED_REQUEST, Files.readString(log, StandardCharsets.UTF_8), p.exitValue());
    }

    // ------------------------------------------------------------------------------------------ report

    private String report(Map<App, List<WrkResult>> results, GatlingStats g, String gatlingFailure, String wrkVersion,
                          String loadBefore, String loadAfter) {
        StringBuilder t = new StringBuilder();
        t.append("# Checklist bench\n\n");
        t.append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared by the server, the load ")
                .append("generator and everything else on the machine; Java ").append(System.getProperty("java.vm.version"))
                .append(", ").append(wrkVersion).append("\n\n");
        t.append("- JVM options (both apps): `").append(jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions))
                .append("`\n");
        t.append("- requirements-service checklist cache: ").append(cacheBytes.map(b -> b.equals("0")
                ? "**off** (`kerege.requirements.checklist-cache-bytes=0`: every answer decided and written anew)"
                : b + " bytes").orElse("default (32 MiB; requests already answered are served by `ChecklistFilter`)"))
                .append('\n');
        t.append("- load average before: ").append(loadBefore).append(", after: ").append(loadAfter).append('\n');
        if (rounds > 0) {
            t.append("- wrk: `wrk -t").append(threads).append(" -c").append(connections).append(" -d").append(duration)
                    .append("s --latency -s bench/checklist/wrk/post.lua <url> -- checklist|echo|echo-event-loop`, after a ")
                    .append(warmup).append(" s warm-up run of the same; ").append(rounds)
                    .append(" round(s), the apps alternating, each start fresh\n\n");
            t.append("## Throughput (closed loop, wrk)\n\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"app", "endpoint", "requests/s (median)", "requests/s per round", "latency p50",
                    "p90", "p99", "max", "non-2xx", "socket errors"});
            Map<App, Double> medians = new LinkedHashMap<>();
            for (Map.Entry<App, List<WrkResult>> e : results.entrySet()) {
                List<WrkResult> list = e.getValue();
                double median = median(list.stream().mapToDouble(WrkResult::requestsPerSecond).toArray());
                medians.put(e.getKey(), median);
                WrkResult mid = list.stream()
                        .min(Comparator.comparingDouble(w -> Math.abs(w.requestsPerSecond() - median))).orElseThrow();
                rows.add(new String[] {e.getKey().name(),
                        "POST " + e.getKey().path(),
                        String.format(Locale.ROOT, "%.0f", median),
                        String.join(", ", list.stream().map(w -> String.format(Locale.ROOT, "%.0f",
                                w.requestsPerSecond())).toList()),
                        mid.p50(), mid.p90(), mid.p99(), mid.max(),
                        Long.toString(list.stream().mapToLong(WrkResult::non2xx).sum()),
                        list.stream().map(WrkResult::socketErrors).filter(s -> !s.isEmpty()).findFirst().orElse("none")});
            }
            table(t, rows);
            double ratio = medians.get(requirements) / medians.get(bare);
            double ratioEventLoop = medians.get(requirements) / medians.get(bareEventLoop);
            t.append(String.format(Locale.ROOT, "%nRatio checklist / bare echo (Quarkus default, worker thread): **%.2f** "
                    + "(goal ≥ 0.8: %s)%n", ratio, ratio >= 0.8 ? "met" : "NOT met"));
            t.append(String.format(Locale.ROOT, "Ratio checklist / bare echo on the event loop (the stricter baseline: "
                    + "the checklist also answers on the event loop): **%.2f** (goal ≥ 0.8: %s)%n%n", ratioEventLoop,
                    ratioEventLoop >= 0.8 ? "met" : "NOT met"));
            t.append("Latency columns: of the run nearest the median; closed loop (").append(connections)
                    .append(" connections, each sends its next request when the answer arrives), so they show ")
                    .append("queueing at saturation, not the latency at a given rate.\n\n");
        }
        if (gatling) {
            t.append("## Latency at a constant arrival rate (open model, Gatling)\n\n");
            t.append("`ChecklistSimulation`: ramp ").append(Math.max(1, rate / 10)).append("→").append(rate)
                    .append(" users/s over ").append(gatlingWarmup).append(" s (not counted), then `constantUsersPerSec(")
                    .append(rate).append(").during(").append(gatlingDuring).append("s)`; one request per user; ")
                    .append(shareConnections ? "shared keep-alive connection pool" : "a connection per user")
                    .append("; after a ").append(warmup).append(" s wrk warm-up of a fresh start.\n\n");
            if (g == null) {
                t.append("FAILED: ").append(gatlingFailure).append("\n");
            } else {
                double achieved = g.sentPerSecond();
                t.append("| requests | OK | KO (failures) | achieved requests/s | min ms | p50 ms | p75 ms | p95 ms | p99 ms | max ms | mean ms |\n");
                t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                t.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %d | %d | %d | %d | %d | %d | %d |%n",
                        g.total(), g.ok(), g.ko(), achieved, g.min(), g.p50(), g.p75(), g.p95(), g.p99(), g.max(), g.mean()));
                t.append(String.format(Locale.ROOT, "%nTarget %d requests/s; achieved: %.1f requests/s sent over the "
                                + "measured phase (%d requests in %.2f s, first to last send; %s).%s%n", rate, achieved,
                        g.sent(), g.sendSeconds(), achieved >= rate * 0.98 ? "sustained" : "NOT sustained",
                        g.exitCode() == 0 ? "" : " Gatling (Maven) exited with " + g.exitCode() + "."));
                if (g.ko() > 0) {
                    t.append("Failures: ").append(g.errors()).append('\n');
                }
                t.append("Report: ").append(repo.relativize(g.report())).append("/index.html\n");
            }
        }
        return t.toString();
    }

    private static void table(StringBuilder t, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < width.length; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(' ').append(c < 2 ? cell + pad : pad + cell).append(" |");
            }
            t.append(line).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int c = 0; c < width.length; c++) {
                    rule.append('-').append("-".repeat(width[c])).append(c < 2 ? "-|" : ":|");
                }
                t.append(rule).append('\n');
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    // ------------------------------------------------------------------------------------------ helpers
}
