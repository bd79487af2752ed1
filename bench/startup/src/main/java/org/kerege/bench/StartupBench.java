package org.kerege.bench;

import org.kerege.devstack.DevKeys;
import org.kerege.devstack.DevTokens;
import org.kerege.devstack.KafkaBroker;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time and resident memory of each Kerege service against the bare Quarkus REST app
 * ({@code bench/bare-rest}), on this machine.
 *
 * <p>Infrastructure, started once: the devstack's embedded PostgreSQL and its Kafka broker (own JVM), on free
 * ports and in fresh directories under the work directory, so a running {@code ./kerege run} is not
 * disturbed. Each app is then started as {@code java <JVM options> -jar <module>/target/quarkus-app/quarkus-run.jar}
 * with the environment {@link Suite} gives a service (port, datasource, Kafka, JWT key and issuer); the bare
 * app gets only its port. Every app gets the same JVM options.
 *
 * <p>One measurement: the wall time from just before {@link ProcessBuilder#start()} to the first HTTP 200 on
 * the app's probe ({@code /q/health/live} for a service, {@code /hello} for the bare app), polled every 10 ms;
 * then {@code VmRSS} from {@code /proc/<pid>/status} (ready), then 100 sequential requests to the probe and
 * {@code VmRSS} again (warm); then SIGTERM (SIGKILL after 20 s) and wait for the exit. Each app is first started
 * once unmeasured (warm-up: Flyway migrations, topic creation, file cache); the measured runs go round-robin
 * over the apps, so that a disturbance of the machine spreads over all of them.
 *
 * <p>Options: {@code --repo=<root>} (default: system property {@code kerege.repo}, else the working
 * directory), {@code --runs=5}, {@code --warmup=1}, {@code --requests=100},
 * {@code --apps=bare,requirements,appointments,payments,status,signature},
 * {@code --jvm-opts="<options>"} (default: those of the local run, {@link Suite#DEFAULT_JAVA_OPTIONS};
 * {@code --jvm-opts=} for none, the JVM's own defaults), {@code --work=<dir>} (default
 * {@code <repo>/bench/startup/target/startup}), {@code --out=<file>} (the result table in Markdown, default
 * {@code <work>/results.md}).
 */
public final class StartupBench {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9]+(?:\\.[0-9]+)?)s");
    private static final List<String> SERVICES = List.of("requirements", "appointments", "payments", "status", "signature");

    /** An app to measure. */
    record App(String name, Path jar, String probe, boolean service) {
    }

    /** One start of one app. */
    record Sample(long startMillis, double quarkusSeconds, long rssReadyKb, long rssWarmKb) {
    }

    private final Path repo;
    private final Path work;
    private final int runs;
    private final int warmup;
    private final int requests;
    private final List<String> jvmOptions;
    private final List<App> apps;
    private final PrintStream out = System.out;
    private final Map<App, String> failed = new LinkedHashMap<>();
    private volatile Process current;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private Path publicKey;
    private String webhookSecretKey;

    private StartupBench(Map<String, String> options) {
        repo = Path.of(options.getOrDefault("repo", System.getProperty("kerege.repo", ".")))
                .toAbsolutePath().normalize();
        work = Path.of(options.getOrDefault("work", repo.resolve("bench/startup/target/startup").toString()))
                .toAbsolutePath().normalize();
        runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        requests = Integer.parseInt(options.getOrDefault("requests", "100"));
        String opts = options.get("jvm-opts");
        jvmOptions = opts == null ? Suite.DEFAULT_JAVA_OPTIONS
                : Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        List<App> list = new ArrayList<>();
        for (String name : options.getOrDefault("apps", "bare," + String.join(",", SERVICES)).split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace("-service", "");
            if (n.equals("bare") || n.equals("bare-rest")) {
                list.add(new App("bare-rest", repo.resolve("bench/bare-rest/target/quarkus-app/quarkus-run.jar"),
                        "/hello", false));
            } else if (SERVICES.contains(n)) {
                list.add(new App(n + "-service", repo.resolve(n + "-service/target/quarkus-app/quarkus-run.jar"),
                        "/q/health/live", true));
            } else {
                throw new IllegalArgumentException("unknown app '" + name + "'; known: bare, " + SERVICES);
            }
        }
        apps = List.copyOf(list);
        if (runs < 1 || warmup < 0 || requests < 0) {
            throw new IllegalArgumentException("need --runs >= 1, --warmup >= 0, --requests >= 0");
        }
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args {@code --name=value} options, see the class comment
     * @throws Exception when a start fails (the message holds the end of the app's log)
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("usage: StartupBench [--runs=5] [--warmup=1] [--requests=100] [--apps=bare,requirements,...]"
                        + " [--jvm-opts=\"...\"] [--repo=<root>] [--work=<dir>] [--out=<file>]");
                System.exit(2);
            }
            int eq = a.indexOf('=');
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        StartupBench bench = new StartupBench(options);
        Path outFile = Path.of(options.getOrDefault("out", bench.work.resolve("results.md").toString()));
        String table = bench.run();
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        Files.writeString(outFile, table, StandardCharsets.UTF_8);
        bench.out.println("(written to " + outFile + ")");
        if (!bench.failed.isEmpty()) {
            System.exit(1);
        }
    }

    private String run() throws Exception {
        for (App app : apps) {
            if (!Files.isRegularFile(app.jar())) {
                throw new IllegalStateException(app.jar() + " is missing: build first (./mvnw -Pbench -o -DskipTests install)");
            }
        }
        String loadBefore = LocalMachine.loadAverage();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = current;
            if (p != null) {
                p.destroyForcibly();
            }
        }, "startup-bench-stop-app"));
        LocalMachine.deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("tmp"));
        boolean anyService = apps.stream().anyMatch(App::service);
        if (anyService) {
            startInfrastructure();
        }
        Map<App, List<Sample>> samples = new LinkedHashMap<>();
        apps.forEach(a -> samples.put(a, new ArrayList<>()));
        try {
            for (int w = 1; w <= warmup; w++) {
                for (App app : apps) {
                    if (failed.containsKey(app)) {
                        continue;
                    }
                    Sample s = measureOrRecord(app, "warmup" + w);
                    if (s != null) {
                        out.printf("warm-up %-22s %6d ms%n", app.name(), s.startMillis());
                    }
                }
            }
            for (int r = 1; r <= runs; r++) {
                for (App app : apps) {
                    if (failed.containsKey(app)) {
                        continue;
                    }
                    Sample s = measureOrRecord(app, "run" + r);
                    if (s == null) {
                        continue;
                    }
                    samples.get(app).add(s);
                    out.printf("run %d/%d %-22s %6d ms  (Quarkus: %.3f s)  RSS ready %5.1f MB, after %d requests %5.1f MB%n",
                            r, runs, app.name(), s.startMillis(), s.quarkusSeconds(), s.rssReadyKb() / 1024.0,
                            requests, s.rssWarmKb() / 1024.0);
                }
            }
        } finally {
            if (kafka != null) {
                kafka.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
        }
        String table = table(samples, loadBefore, LocalMachine.loadAverage());
        out.println();
        out.print(table);
        return table;
    }

    /** {@link #measure}, but a start that fails is reported, and the app left out of the remaining rounds. */
    private Sample measureOrRecord(App app, String label) throws IOException, InterruptedException {
        try {
            return measure(app, label);
        } catch (IllegalStateException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            failed.put(app, first.replaceAll("; end of .*", ""));
            System.err.println("!! " + e.getMessage());
            System.err.println("!! " + app.name() + " is left out of the remaining runs");
            return null;
        }
    }

    private void startInfrastructure() {
        out.println("starting PostgreSQL and Kafka (free ports, data under " + work + ") ...");
        postgres = PostgresServer.start(new PostgresServer.Options(0, work.resolve("postgres"), false,
                work.resolve("tmp"), work.resolve("logs/postgres.log"), true));
        kafka = KafkaBroker.start(0, 0, work.resolve("kafka"), work.resolve("logs/kafka.log"), true);
        DevKeys.loadOrCreate(work.resolve("keys"));
        publicKey = work.resolve("keys/" + DevKeys.PUBLIC_KEY_FILE);
        webhookSecretKey = DevKeys.webhookSecretKey(work.resolve("keys"));
        out.println("PostgreSQL at " + postgres.jdbcUrl(PostgresServer.DATABASE) + ", Kafka at " + kafka.bootstrapServers());
    }

    private Sample measure(App app, String label) throws IOException, InterruptedException {
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
            if (app.name().equals("payments-service")) {
                env.put("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY", webhookSecretKey); // it does not start without it
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + app.probe()))
                .timeout(Duration.ofSeconds(5)).GET().build();

        long t0 = System.nanoTime();
        Process process = builder.start();
        current = process;
        try {
            long deadline = t0 + READY_TIMEOUT.toNanos();
            long readyAt;
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(app.name() + " exited with code " + process.exitValue()
                            + " before it answered; end of " + log + ":\n" + LocalMachine.tail(log, 40));
                }
                if (status(http, probe) == 200) {
                    readyAt = System.nanoTime();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(app.name() + " did not answer 200 on " + app.probe() + " within "
                            + READY_TIMEOUT.toSeconds() + " s; end of " + log + ":\n" + LocalMachine.tail(log, 40));
                }
                Thread.sleep(10);
            }
            long rssReady = rssKb(process.pid());
            for (int i = 0; i < requests; i++) {
                int code = status(http, probe);
                if (code != 200) {
                    throw new IllegalStateException(app.name() + " answered " + code + " on " + app.probe());
                }
            }
            long rssWarm = rssKb(process.pid());
            return new Sample(TimeUnit.NANOSECONDS.toMillis(readyAt - t0), quarkusStarted(log), rssReady, rssWarm);
        } finally {
            process.destroy();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            current = null;
        }
    }

    private static int status(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        }
    }

    /** VmRSS of a process, in KiB. */
    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    }

    /** Quarkus's own "started in 1.234s" from the log, or NaN. The line may come after the port opens. */
    private static double quarkusStarted(Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 50; i++) {
            Matcher m = QUARKUS_STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
            Thread.sleep(10);
        }
        return Double.NaN;
    }

    // ------------------------------------------------------------------------------------------ report

    private String table(Map<App, List<Sample>> samples, String loadBefore, String loadAfter) {
        StringBuilder t = new StringBuilder();
        t.append("Start-up bench, ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.vm.version")).append('\n');
        t.append("JVM options (all apps): ").append(jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions))
                .append('\n');
        t.append("runs per app: ").append(runs).append(" (after ").append(warmup).append(" warm-up), ")
                .append(requests).append(" warm requests; load average before: ").append(loadBefore)
                .append(", after: ").append(loadAfter).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"app", "start ms (median)", "start ms min–max", "Quarkus started in s (median)",
                "RSS ready MB", "RSS warm MB", "time ×bare", "RSS ×bare"});
        App bare = samples.keySet().stream().filter(a -> !a.service()).findFirst().orElse(null);
        double bareStart = bare == null ? Double.NaN : median(samples.get(bare), s -> (double) s.startMillis());
        double bareRss = bare == null ? Double.NaN : median(samples.get(bare), s -> (double) s.rssWarmKb());
        for (Map.Entry<App, List<Sample>> e : samples.entrySet()) {
            List<Sample> list = e.getValue();
            if (failed.containsKey(e.getKey()) && list.isEmpty()) {
                rows.add(new String[] {e.getKey().name(), "failed", "", "", "", "", "", ""});
                continue;
            }
            double start = median(list, s -> (double) s.startMillis());
            double rssWarm = median(list, s -> (double) s.rssWarmKb());
            long min = list.stream().mapToLong(Sample::startMillis).min().orElse(0);
            long max = list.stream().mapToLong(Sample::startMillis).max().orElse(0);
            rows.add(new String[] {e.getKey().name(), String.format(Locale.ROOT, "%.0f", start), min + "–" + max,
                    String.format(Locale.ROOT, "%.3f", median(list, Sample::quarkusSeconds)),
                    String.format(Locale.ROOT, "%.1f", median(list, s -> (double) s.rssReadyKb()) / 1024.0),
                    String.format(Locale.ROOT, "%.1f", rssWarm / 1024.0),
                    ratio(start / bareStart, 3.0), ratio(rssWarm / bareRss, 2.0)});
        }
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
                line.append(' ').append(c == 0 ? cell + pad : pad + cell).append(" |");
            }
            t.append(line).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int c = 0; c < width.length; c++) {
                    rule.append(c == 0 ? "-" : "-").append("-".repeat(width[c])).append(c == 0 ? "-|" : ":|");
                }
                t.append(rule).append('\n');
            }
        }
        t.append("\nstart ms: process start to the first HTTP 200 on /q/health/live (services) or /hello (bare).\n");
        t.append("RSS: VmRSS when ready, and after the warm requests; the RSS ratio uses the latter.\n");
        t.append("Goals (issue): start ≤ 3× and RSS ≤ 2× the bare app; '!' marks a ratio over its goal.\n");
        failed.forEach((app, why) -> t.append("FAILED ").append(app.name()).append(": ").append(why)
                .append(" (medians above use only the runs before the failure)\n"));
        return t.toString();
    }

    private static String ratio(double value, double goal) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f%s", value, value > goal ? " !" : "");
    }

    private interface Metric {
        double of(Sample s);
    }

    static double median(List<Sample> samples, Metric metric) {
        double[] v = samples.stream().mapToDouble(metric::of).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    // ------------------------------------------------------------------------------------------ helpers
}
