package org.kerege.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole Kerege suite on one machine: embedded PostgreSQL, a Kafka broker in its own JVM and the
 * five services, each {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} in its own process.
 *
 * <p>As a program ({@code ./kerege run}, {@code ./kerege token ...}), see {@link #main(String[])}.
 * As a library, for end-to-end tests:
 * <pre>{@code
 * try (Suite suite = Suite.builder().repoRoot(repo).dataDir(tmp).randomPorts().instancesPerService(2).start()) {
 *     String payments = suite.url(Suite.Service.PAYMENTS, 1);
 *     suite.kill(Suite.Service.PAYMENTS, 2);      // SIGKILL
 *     suite.restart(Suite.Service.PAYMENTS, 2);   // back, and ready
 *     suite.kafka().kill();                       // broker outage
 * }
 * }</pre>
 *
 * <p>Layout under the data directory: {@code postgres/} (cluster, kept), {@code kafka/} (broker log
 * directory, kept), {@code keys/} (dev JWT keys and payments-service's webhook sealing key, see {@link DevKeys}; kept
 * like the database, whose webhook secrets open only with that key), {@code logs/} (one file per process:
 * {@code <module>.log}, {@code <module>-2.log} for second instances, {@code kafka.log},
 * {@code postgres.log}), {@code tmp/} (the processes' {@code java.io.tmpdir}, zonky's binaries) and
 * {@code run/pids} (process ids, to end leftovers of a run whose JVM was killed).
 *
 * <p>Ports in the local run: services 8081..8085 (second instances 9081..9085), PostgreSQL 15432,
 * Kafka 19092 (its controller 19093). With {@link Builder#randomPorts()}: free ports.
 *
 * <p>Stopping ({@link #close()}, also run by a JVM shutdown hook, i.e. on Ctrl-C): the services
 * (SIGTERM, 20 s grace, then SIGKILL), then Kafka, then PostgreSQL. The service and broker processes
 * run in their own sessions ({@code setsid}), so a terminal's Ctrl-C reaches only this JVM, which stops
 * them in that order. If this JVM is killed with SIGKILL, the broker still ends (its standard input
 * closes) and the next start ends leftover service processes and PostgreSQL found in {@code run/pids}
 * and the cluster's {@code postmaster.pid}.
 */
public final class Suite implements AutoCloseable {

    /** The five services, with their module directory and local-run port. */
    public enum Service {
        /** requirements-service, port 8081. */
        REQUIREMENTS("requirements", 8081),
        /** appointments-service, port 8082. */
        APPOINTMENTS("appointments", 8082),
        /** payments-service, port 8083. */
        PAYMENTS("payments", 8083),
        /** status-service, port 8084. */
        STATUS("status", 8084),
        /** signature-service, port 8085. */
        SIGNATURE("signature", 8085);

        private final String id;
        private final int localPort;

        Service(String id, int localPort) {
            this.id = id;
            this.localPort = localPort;
        }

        /** @return the short name, e.g. {@code payments} (also its schema and consumer group) */
        public String id() {
            return id;
        }

        /** @return the Maven module directory, e.g. {@code payments-service} */
        public String module() {
            return id + "-service";
        }

        /**
         * @param instance 1-based instance number
         * @return the local-run port: 8081.. for instance 1, 9081.. for instance 2
         */
        public int localPort(int instance) {
            return localPort + (instance - 1) * 1000;
        }

        /**
         * @param name {@code payments}, {@code payments-service} or {@code PAYMENTS}
         * @return the service
         */
        public static Service of(String name) {
            String n = name.toLowerCase(Locale.ROOT).replace("-service", "");
            for (Service s : values()) {
                if (s.id.equals(n)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown service '" + name + "', expected one of "
                    + Arrays.stream(values()).map(Service::id).toList());
        }
    }

    /** PostgreSQL port of the local run. */
    public static final int LOCAL_POSTGRES_PORT = 15432;
    /** Kafka client port of the local run. */
    public static final int LOCAL_KAFKA_PORT = 19092;
    /** Kafka controller port of the local run. */
    public static final int LOCAL_KAFKA_CONTROLLER_PORT = 19093;
    /** Default wait for a service's readiness. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);
    /** Default JVM options of a service process. */
    public static final List<String> DEFAULT_JAVA_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final String PID_MARKERS_SERVICE = "quarkus-run.jar";
    private static final String PID_MARKERS_BROKER = KafkaBroker.PROCESS_MARKER;

    private final Builder config;
    private final Path dataDir;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Thread shutdownHook;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DevKeys keys;
    private String webhookSecretKey;
    private volatile boolean closing;
    private boolean closed;

    private Suite(Builder config) {
        this.config = config;
        this.dataDir = config.dataDir.toAbsolutePath().normalize();
        this.shutdownHook = new Thread(this::close, "kerege-suite-stop");
    }

    /** @return a builder with the local-run defaults */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ handle

    /**
     * @param service  the service
     * @param instance 1-based instance number
     * @return {@code http://localhost:<port>}
     */
    public String url(Service service, int instance) {
        return "http://localhost:" + instance(service, instance).port;
    }

    /**
     * @param service  {@code payments}, {@code payments-service}, ...
     * @param instance 1-based instance number
     * @return {@code http://localhost:<port>}
     */
    public String url(String service, int instance) {
        return url(Service.of(service), instance);
    }

    /**
     * @param service  the service
     * @param instance 1-based instance number
     * @return its HTTP port
     */
    public int port(Service service, int instance) {
        return instance(service, instance).port;
    }

    /**
     * @param service  the service
     * @param instance 1-based instance number
     * @return its log file
     */
    public Path logFile(Service service, int instance) {
        return instance(service, instance).log;
    }

    /**
     * @param service  the service
     * @param instance 1-based instance number
     * @return whether its process is alive
     */
    public boolean isRunning(Service service, int instance) {
        Process p = instance(service, instance).process;
        return p != null && p.isAlive();
    }

    /**
     * Kills an instance with SIGKILL (a crash: no graceful shutdown).
     *
     * @param service  the service
     * @param instance 1-based instance number
     */
    public void kill(Service service, int instance) {
        Instance i = instance(service, instance);
        synchronized (i) {
            i.expectedDown = true;
            Process p = i.process;
            if (p != null) {
                Processes.kill(p.toHandle());
            }
        }
    }

    /**
     * Stops an instance gracefully (SIGTERM, then SIGKILL after 20 s).
     *
     * @param service  the service
     * @param instance 1-based instance number
     */
    public void stop(Service service, int instance) {
        Instance i = instance(service, instance);
        synchronized (i) {
            i.expectedDown = true;
            Process p = i.process;
            if (p != null) {
                Processes.terminate(p.toHandle(), SERVICE_STOP_GRACE);
            }
        }
    }

    /**
     * Stops an instance gracefully if it runs, starts it again on the same port and waits until it is ready.
     *
     * @param service  the service
     * @param instance 1-based instance number
     * @throws IllegalStateException if it is not ready within the ready timeout (the message holds its log's end)
     */
    public void restart(Service service, int instance) {
        Instance i = instance(service, instance);
        synchronized (i) {
            stop(service, instance);
            launch(i);
            awaitReady(i, Instant.now().plus(config.readyTimeout));
        }
    }

    /** @return the Kafka broker (it may be killed and restarted by tests) */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** @return the PostgreSQL server */
    public PostgresServer postgres() {
        return postgres;
    }

    /** @return the key pair whose public half the services trust */
    public DevKeys keys() {
        return keys;
    }

    /**
     * @param role    one of {@link DevTokens#ROLES}
     * @param subject {@code sub}/{@code upn}
     * @param claims  extra claims (e.g. {@code office}, {@code bank}), may be null
     * @return a token the running services accept
     */
    public String token(String role, String subject, Map<String, Object> claims) {
        return DevTokens.mint(keys.privateKey(), role, subject, claims, DevTokens.DEFAULT_TTL);
    }

    /** @return the services this suite runs */
    public Set<Service> services() {
        return EnumSet.copyOf(config.services);
    }

    /** @return instances per service */
    public int instancesPerService() {
        return config.instances;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the services (in parallel), then Kafka, then PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is already shutting down, or it was never registered
            }
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Instance i : instances.values()) {
            Process p = i.process;
            if (p != null && p.isAlive()) {
                i.expectedDown = true;
                stops.add(CompletableFuture.runAsync(() -> Processes.terminate(p.toHandle(), SERVICE_STOP_GRACE)));
            }
        }
        stops.forEach(CompletableFuture::join);
        if (!stops.isEmpty()) {
            say("services stopped");
        }
        if (kafka != null) {
            kafka.stop();
            say("Kafka stopped");
            kafka = null;
        }
        if (postgres != null) {
            postgres.stop();
            say("PostgreSQL stopped");
            postgres = null;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // harmless: the next start checks each pid's command line
        }
    }

    // ------------------------------------------------------------------------------------------ start

    private Suite startAll() {
        for (Service s : config.services) {
            Path jar = runJar(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
            }
        }
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.createDirectories(dataDir.resolve("tmp"));
            Files.createDirectories(dataDir.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        endLeftovers();
        if (config.stopOnJvmExit) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            keys = DevKeys.loadOrCreate(dataDir.resolve("keys"));
            webhookSecretKey = DevKeys.webhookSecretKey(dataDir.resolve("keys"));
            say("starting PostgreSQL and Kafka ...");
            int kafkaPort = config.randomPorts ? 0 : LOCAL_KAFKA_PORT;
            int controllerPort = config.randomPorts ? 0 : LOCAL_KAFKA_CONTROLLER_PORT;
            CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(() -> KafkaBroker.start(
                    kafkaPort, controllerPort, dataDir.resolve("kafka"), dataDir.resolve("logs/kafka.log"), false));
            try {
                postgres = PostgresServer.start(new PostgresServer.Options(
                        config.randomPorts ? 0 : LOCAL_POSTGRES_PORT, dataDir.resolve("postgres"), true,
                        dataDir.resolve("tmp"), dataDir.resolve("logs/postgres.log"), false));
            } finally {
                try {
                    kafka = kafkaStart.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            writePids();
            say("PostgreSQL ready at " + postgres.jdbcUrl(PostgresServer.DATABASE) + ", Kafka at "
                    + kafka.bootstrapServers());

            for (int n = 1; n <= config.instances; n++) {
                for (Service s : config.services) {
                    int port = config.randomPorts ? LocalMachine.freePort() : s.localPort(n);
                    String suffix = n == 1 ? "" : "-" + n;
                    Instance i = new Instance(s, n, port, dataDir.resolve("logs/" + s.module() + suffix + ".log"));
                    instances.put(key(s, n), i);
                }
            }
            // One wave per instance number: first instances first (each migrates its schema and creates
            // its topics), then the second ones; gentler on 2 cores than all at once.
            for (int n = 1; n <= config.instances; n++) {
                List<Instance> wave = new ArrayList<>();
                for (Service s : config.services) {
                    Instance i = instances.get(key(s, n));
                    launch(i);
                    wave.add(i);
                }
                Instant deadline = Instant.now().plus(config.readyTimeout);
                for (Instance i : wave) {
                    awaitReady(i, deadline);
                }
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void launch(Instance i) {
        List<String> command = new ArrayList<>(Processes.setsid());
        command.add(Processes.javaExecutable());
        command.addAll(config.javaOptions);
        command.add("-Djava.io.tmpdir=" + dataDir.resolve("tmp"));
        command.add("-jar");
        command.add(runJar(i.service).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(i.log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(i.port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(PostgresServer.DATABASE));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevKeys.fileLocation(dataDir.resolve("keys/" + DevKeys.PUBLIC_KEY_FILE)));
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        if (i.service == Service.PAYMENTS) {
            // seals webhook secrets at rest; kept in keys/, so a restarted run still opens what it stored
            env.put("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY", webhookSecretKey);
        }
        if (i.service == Service.SIGNATURE) {
            // signature-service asks payments-service for the e-key fee over REST, as a `service` caller.
            Instance payments = instances.get(key(Service.PAYMENTS, i.number));
            if (payments == null) {
                payments = instances.get(key(Service.PAYMENTS, 1));
            }
            if (payments != null) {
                env.put("KEREGE_SIGNATURE_PAYMENTS_URL", "http://localhost:" + payments.port);
            }
            env.put("KEREGE_SIGNATURE_PUBLIC_URL", "http://localhost:" + i.port);
            env.put("KEREGE_SIGNATURE_PAYMENTS_TOKEN", DevTokens.mint(keys.privateKey(), "service", "signature-service",
                    Map.of(), Duration.ofDays(30)));
        }
        env.putAll(config.env);
        env.putAll(config.serviceEnv.getOrDefault(i.service, Map.of()));
        try {
            Files.writeString(i.log, "---- " + Instant.now() + " starting " + i.name() + " on port " + i.port
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            i.expectedDown = false;
            Process p = builder.start();
            i.process = p;
            i.startedAt = Instant.now();
            p.onExit().thenAccept(done -> {
                if (!closing && !i.expectedDown && i.process == done) {
                    System.err.println("!! " + i.name() + " exited with code " + done.exitValue() + "; see " + i.log);
                }
            });
            writePids();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + i.name() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Instance i, Instant deadline) {
        URI health = URI.create("http://localhost:" + i.port + "/q/health/ready");
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            Process p = i.process;
            if (p == null || !p.isAlive()) {
                throw failure(i, i.name() + " exited" + (p == null ? "" : " with code " + p.exitValue())
                        + " before it was ready");
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    say(String.format("%-26s ready on port %d (%.1f s)", i.name(), i.port,
                            Duration.between(i.startedAt, Instant.now()).toMillis() / 1000.0));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(i, "interrupted while waiting for " + i.name());
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(i, i.name() + " not ready within " + config.readyTimeout.toSeconds() + " s ("
                        + health + ")");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(i, "interrupted while waiting for " + i.name());
            }
        }
    }

    private IllegalStateException failure(Instance i, String message) {
        return new IllegalStateException(message + "; end of " + i.log + ":" + System.lineSeparator()
                + LocalMachine.tail(i.log, 60));
    }

    private Instance instance(Service service, int instance) {
        Instance i = instances.get(key(service, instance));
        if (i == null) {
            throw new IllegalArgumentException("no instance " + instance + " of " + service.module()
                    + " in this suite (" + config.instances + " per service, services " + config.services + ")");
        }
        return i;
    }

    private Path runJar(Service s) {
        return config.repoRoot.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String key(Service s, int instance) {
        return s.id() + "#" + instance;
    }

    private void say(String line) {
        config.out.println(line);
    }

    // ------------------------------------------------------------------------------------------ leftovers

    private Path pidFile() {
        return dataDir.resolve("run/pids");
    }

    private synchronized void writePids() {
        StringBuilder text = new StringBuilder();
        if (kafka != null && kafka.pid() > 0) {
            text.append(kafka.pid()).append(" kafka").append('\n');
        }
        for (Instance i : instances.values()) {
            Process p = i.process;
            if (p != null && p.isAlive()) {
                text.append(p.pid()).append(' ').append(i.name()).append('\n');
            }
        }
        try {
            Files.writeString(pidFile(), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only a help for the next start
        }
    }

    /** Ends the service and broker processes a killed earlier run left behind (checked by command line). */
    private void endLeftovers() {
        Path file = pidFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ", 2);
                if (parts.length < 2) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                ProcessHandle.of(pid).filter(p -> p.info().commandLine()
                        .map(c -> c.contains(PID_MARKERS_SERVICE) || c.contains(PID_MARKERS_BROKER))
                        .orElse(false)).ifPresent(p -> {
                            say("ending leftover " + parts[1] + " (pid " + pid + ") of an earlier run");
                            Processes.terminate(p, SERVICE_STOP_GRACE);
                        });
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One service process (restartable). */
    private static final class Instance {
        final Service service;
        final int number;
        final int port;
        final Path log;
        volatile Process process;
        volatile boolean expectedDown;
        volatile Instant startedAt = Instant.now();

        Instance(Service service, int number, int port, Path log) {
            this.service = service;
            this.number = number;
            this.port = port;
            this.log = log;
        }

        String name() {
            return service.module() + (number == 1 ? "" : "#" + number);
        }
    }

    // ------------------------------------------------------------------------------------------ builder

    /** How to start a {@link Suite}; defaults are those of the local run. */
    public static final class Builder {
        private Path repoRoot = Path.of(System.getProperty("kerege.repo", ".")).toAbsolutePath().normalize();
        private Path dataDir;
        private boolean randomPorts;
        private int instances = 1;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<Service, Map<String, String>> serviceEnv = new LinkedHashMap<>();
        private boolean stopOnJvmExit = true;
        private PrintStream out = System.out;

        private Builder() {
        }

        /**
         * @param repoRoot the repository root, holding {@code <module>/target/quarkus-app/quarkus-run.jar};
         *                 default: system property {@code kerege.repo}, else the working directory
         * @return this
         */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            return this;
        }

        /**
         * @param dataDir where data, keys and logs go; default {@code <repoRoot>/data}
         * @return this
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** @return this, with the local-run ports (8081.., 9081.., 15432, 19092); the default */
        public Builder ports() {
            this.randomPorts = false;
            return this;
        }

        /** @return this, with free ports for everything (tests) */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        /**
         * @param instances processes per service, 1 or more (second instances: ports 9081..9085)
         * @return this
         */
        public Builder instancesPerService(int instances) {
            if (instances < 1 || instances > 9) {
                throw new IllegalArgumentException("instances per service must be 1..9: " + instances);
            }
            this.instances = instances;
            return this;
        }

        /**
         * @param services the services to run (default: all five)
         * @return this
         */
        public Builder services(Service... services) {
            if (services.length == 0) {
                throw new IllegalArgumentException("no services");
            }
            this.services.clear();
            this.services.addAll(List.of(services));
            return this;
        }

        /**
         * @param readyTimeout how long each wave of service starts may take to become ready (default 120 s)
         * @return this
         */
        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = Objects.requireNonNull(readyTimeout);
            return this;
        }

        /**
         * @param javaOptions JVM options of each service process (default {@link #DEFAULT_JAVA_OPTIONS})
         * @return this
         */
        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = List.copyOf(javaOptions);
            return this;
        }

        /**
         * @param name  environment variable given to every service (e.g. a clock setting)
         * @param value its value
         * @return this
         */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * @param service the service
         * @param name    environment variable given to that service's instances only
         * @param value   its value
         * @return this
         */
        public Builder env(Service service, String name, String value) {
            serviceEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /**
         * @param stopOnJvmExit register a shutdown hook that closes the suite (default true)
         * @return this
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * @param out where progress lines go (default {@code System.out})
         * @return this
         */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /**
         * Starts PostgreSQL and Kafka, then the services, and waits until every instance is ready.
         *
         * @return the running suite; close it to stop everything
         * @throws IllegalStateException if something does not start; everything started is stopped again
         */
        public Suite start() {
            if (dataDir == null) {
                dataDir = repoRoot.resolve("data");
            }
            return new Suite(this).startAll();
        }
    }

    // ------------------------------------------------------------------------------------------ main

    /**
     * The suite runner.
     * <ul>
     *   <li>{@code run [--timeout=<seconds>] [--instances=<n>] [--java-opts="..."]}: starts everything with the local-run ports
     *       and data in {@code <repo>/data}, prints the addresses, and runs until Ctrl-C.</li>
     *   <li>{@code token <role> [subject] [key=value ...] [--ttl=<ISO-8601 duration>]}: prints a token signed
     *       with {@code <repo>/data/keys} (created if missing). Claim values are strings.</li>
     * </ul>
     * The repository root is the system property {@code kerege.repo}, else the working directory.
     *
     * @param args the sub-command and its arguments
     * @throws InterruptedException when the waiting main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage(System.err);
            System.exit(2);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        switch (args[0]) {
            case "run" -> run(rest);
            case "token" -> System.exit(token(rest, System.out, System.err));
            default -> {
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void usage(PrintStream err) {
        err.println("""
                usage: kerege run [--timeout=<seconds>] [--instances=<n>] [--java-opts="<jvm options>"]
                       kerege token <role> [subject] [key=value ...] [--ttl=<ISO-8601 duration, e.g. PT8H>]
                roles: %s""".formatted(String.join(", ", DevTokens.ROLES)));
    }

    private static void run(List<String> args) throws InterruptedException {
        Builder builder = builder().ports();
        for (String a : args) {
            if (a.startsWith("--timeout=")) {
                builder.readyTimeout(Duration.ofSeconds(Long.parseLong(a.substring("--timeout=".length()))));
            } else if (a.startsWith("--instances=")) {
                builder.instancesPerService(Integer.parseInt(a.substring("--instances=".length())));
            } else if (a.startsWith("--java-opts=")) {
                // e.g. --java-opts="-Xmx512m -XX:+UseParallelGC" for benchmarks: full JIT instead of the quick-start defaults
                builder.javaOptions(List.of(a.substring("--java-opts=".length()).trim().split("\\s+")));
            } else {
                usage(System.err);
                System.exit(2);
            }
        }
        Suite suite;
        try {
            suite = builder.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Kerege did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        suite.printSummary(System.out);
        Thread.currentThread().join(); // until Ctrl-C; the shutdown hook stops everything
    }

    /** Prints the addresses of everything that runs and how to get a token. */
    void printSummary(PrintStream out) {
        String repo = config.repoRoot.toString();
        out.println();
        out.println("Kerege is running. Data: " + dataDir + "   Logs: " + dataDir.resolve("logs"));
        out.println();
        out.printf("  %-22s %-24s %-37s %s%n", "service", "url", "Swagger UI", "OpenAPI");
        for (Instance i : instances.values()) {
            String base = "http://localhost:" + i.port;
            out.printf("  %-22s %-24s %-37s %s%n", i.name(), base, base + "/q/swagger-ui", base + "/q/openapi");
        }
        out.println();
        out.printf("  %-22s %s (user %s, password %s)%n", "PostgreSQL",
                postgres.jdbcUrl(PostgresServer.DATABASE), postgres.username(), postgres.password());
        out.printf("  %-22s %s%n", "Kafka", kafka.bootstrapServers());
        out.println();
        out.println("  Tokens (issuer " + DevTokens.ISSUER + ", key " + dataDir.resolve("keys") + "):");
        out.println("    ./kerege token citizen <person-id>");
        out.println("    ./kerege token officer <user> office=<office-id>");
        out.println("    ./kerege token bank <user> bank=<bank-id>");
        out.println("    ./kerege token partner|admin|service <subject>");
        out.println("  e.g. curl -H \"Authorization: Bearer $(./kerege token admin)\" http://localhost:"
                + Service.REQUIREMENTS.localPort(1) + "/q/openapi");
        out.println("  In Swagger UI: Authorize, paste the token.  (repo " + repo + ")");
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    /** The {@code token} sub-command; returns the exit code. */
    static int token(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Map<String, Object> claims = new LinkedHashMap<>();
        Duration ttl = DevTokens.DEFAULT_TTL;
        for (String a : args) {
            if (a.startsWith("--ttl=")) {
                ttl = Duration.parse(a.substring("--ttl=".length()));
            } else if (a.contains("=")) {
                int eq = a.indexOf('=');
                claims.put(a.substring(0, eq), a.substring(eq + 1));
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty() || positional.size() > 2 || !DevTokens.ROLES.contains(positional.get(0))) {
            usage(err);
            return 2;
        }
        String role = positional.get(0);
        String subject = positional.size() > 1 ? positional.get(1) : "dev-" + role;
        if (role.equals("officer") && !claims.containsKey(DevTokens.OFFICE_CLAIM)) {
            err.println("note: an officer token usually carries office=<office-id>");
        }
        if (role.equals("bank") && !claims.containsKey(DevTokens.BANK_CLAIM)) {
            err.println("note: a bank token usually carries bank=<bank-id>");
        }
        Path repo = Path.of(System.getProperty("kerege.repo", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("kerege.data", repo.resolve("data").toString()));
        DevKeys keys = DevKeys.loadOrCreate(dataDir.resolve("keys"));
        out.println(DevTokens.mint(keys.privateKey(), role, subject, claims, ttl));
        out.flush();
        return 0;
    }
}
