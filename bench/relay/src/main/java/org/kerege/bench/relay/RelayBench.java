package org.kerege.bench.relay;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

/**
 * The outbox relay ({@code platform/.../events/OutboxRelay}) of a real service process, measured against Kafka's
 * own tools on the same broker and machine.
 *
 * <ol>
 *   <li>Starts the devstack's PostgreSQL and Kafka broker (own JVM) and one service ({@code payments} by default)
 *       through {@link Suite}, on free ports, with data under the work directory. Its first start migrates the
 *       schema (Flyway: {@code <schema>.outbox_event}) and its relay creates the topic.</li>
 *   <li><b>Drain</b>, {@code --drain-runs} times: stop the service (SIGTERM), truncate the outbox, insert a backlog
 *       of {@code --rows} unsent rows in one SQL statement ({@code insert ... select ... from unnest(...)}: realistic
 *       {@code InvoiceIssuedV1} payloads of ~500 bytes, one invoice per row, {@code bucket =
 *       Math.floorMod(aggregateId.hashCode(), 32)} computed in Java), start the service again and wait until no row
 *       is unsent (polled every 100 ms). Drain rate = rows / (max(sent_at) - min(sent_at)).</li>
 *   <li><b>Kafka's producer</b>: {@code org.apache.kafka.tools.ProducerPerformance} (child JVM, this module's
 *       classpath) on a fresh topic with as many partitions, record size = the average payload the relay sent,
 *       {@code --throughput -1 acks=all}.</li>
 *   <li><b>Latency</b>: with the service running, a writer inserts one row per transaction exactly as
 *       {@code Outbox.publish} does (insert + {@code NOTIFY kerege_outbox_<schema>}, then commit) every
 *       {@code 1/--rate} s; a consumer (all partitions assigned, positioned at the end first) matches records by
 *       their {@code ce_id} header: latency = consumed instant - instant the commit returned (same JVM, nano
 *       clock). {@code --warmup} s not counted, then {@code --duration} s measured.</li>
 *   <li><b>Kafka's end-to-end latency</b>: {@code org.apache.kafka.tools.EndToEndLatency <bootstrap> <topic> <n>
 *       all <size>} (child JVM) on its own topic.</li>
 * </ol>
 *
 * <p>Options ({@code --name=value}): {@code --repo} (default: system property {@code kerege.repo}, else the working
 * directory), {@code --service=payments}, {@code --topic=kerege.payments.invoice}, {@code --rows=50000},
 * {@code --drain-runs=3}, {@code --perf-records=200000}, {@code --rate=200}, {@code --warmup=5},
 * {@code --duration=30}, {@code --e2e-records=6000}, {@code --jvm-opts="..."} (the service's JVM options; default
 * those of the local run), {@code --service-env=NAME=value,NAME=value} (e.g.
 * {@code KEREGE_EVENTS_RELAY_BATCH_SIZE=5000}), {@code --skip=drain,perf,anatomy,latency,e2e},
 * {@code --anatomy-batches=2000,10000}, {@code --latency-history=0,50000} (sent rows in the outbox during each
 * latency pass), {@code --extra-sql="..."} (an experiment: SQL run once after the service migrated its schema, e.g.
 * an index), {@code --work=<dir>}
 * (default {@code <repo>/bench/relay/target/relay}), {@code --out=<file>} (default {@code <work>/../results.md}).
 */
public final class RelayBench {

    private static final int BUCKETS = 32;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final String PERF_TOPIC = "kerege.bench.producer-perf";
    private static final String E2E_TOPIC = "kerege.bench.end-to-end";
    private static final Pattern PERF_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PCT = Pattern.compile(
            "Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

    private final Path repo;
    private final Path work;
    private final Path out;
    private final Suite.Service service;
    private final String schema;
    private final String topic;
    private final int rows;
    private final int drainRuns;
    private final int perfRecords;
    private final int rate;
    private final int warmupSeconds;
    private final int durationSeconds;
    private final int e2eRecords;
    private final List<String> jvmOptions;
    private final Map<String, String> serviceEnv = new LinkedHashMap<>();
    private final Set<String> skip;
    private final List<Integer> anatomyBatches;
    private final List<String> latencyHistories;
    private final String extraSql;
    private final PrintStream log = System.out;
    private final Random random = new Random(20261121L);

    private Suite suite;
    private String bootstrap;

    /** One drain run. */
    record Drain(int rows, long insertMillis, double startSeconds, double spanSeconds, double rate, int rounds,
                 int firstRoundRows, double rateAfterFirstRound, double readyToZeroSeconds,
                 double firstSentToZeroSeconds, int avgPayloadBytes, double roundMedianMs) {
    }

    /** The relay's round, replayed step by step in this JVM: milliseconds summed over all rounds. */
    record Anatomy(int batchSize, int rows, int rounds, double totalMs, double lockMs, double selectMs,
                   double enqueueMs, double flushMs, double updateMs, double unlockMs) {
        double rate() {
            return rows / (totalMs / 1000);
        }
    }

    /** Kafka's ProducerPerformance summary. */
    record Perf(long records, double recordsPerSecond, double mbPerSecond, double avgMs, double maxMs, long p50,
                long p95, long p99, long p999, String raw) {
    }

    /** A latency distribution in milliseconds. */
    record Latency(int history, boolean staleStats, int sent, int received, double p50, double p95, double p99, double max, double mean,
                   double writerLagMaxMs, double commitP99Ms, int rounds, String indexUse) {
    }

    /** Kafka's EndToEndLatency summary. */
    record E2e(int records, double avgMs, long p50, long p99, long p999, String raw) {
    }

    private RelayBench(Map<String, String> o) {
        repo = Path.of(o.getOrDefault("repo", System.getProperty("kerege.repo", "."))).toAbsolutePath().normalize();
        work = Path.of(o.getOrDefault("work", repo.resolve("bench/relay/target/relay").toString()))
                .toAbsolutePath().normalize();
        out = Path.of(o.getOrDefault("out", work.resolveSibling("results.md").toString())).toAbsolutePath();
        service = Suite.Service.of(o.getOrDefault("service", "payments"));
        schema = service.id();
        topic = o.getOrDefault("topic", "kerege." + schema + (service == Suite.Service.PAYMENTS ? ".invoice" : ".bench"));
        rows = Integer.parseInt(o.getOrDefault("rows", "50000"));
        drainRuns = Integer.parseInt(o.getOrDefault("drain-runs", "3"));
        perfRecords = Integer.parseInt(o.getOrDefault("perf-records", "200000"));
        rate = Integer.parseInt(o.getOrDefault("rate", "200"));
        warmupSeconds = Integer.parseInt(o.getOrDefault("warmup", "5"));
        durationSeconds = Integer.parseInt(o.getOrDefault("duration", "30"));
        e2eRecords = Integer.parseInt(o.getOrDefault("e2e-records", "6000"));
        String opts = o.get("jvm-opts");
        jvmOptions = opts == null ? Suite.DEFAULT_JAVA_OPTIONS
                : Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        String env = o.getOrDefault("service-env", "");
        for (String kv : env.split(",")) {
            if (!kv.isBlank()) {
                int eq = kv.indexOf('=');
                serviceEnv.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        skip = Set.of(o.getOrDefault("skip", "").split(","));
        extraSql = o.get("extra-sql");
        latencyHistories = Arrays.stream(o.getOrDefault("latency-history", "0,50000").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList();
        anatomyBatches = Arrays.stream(o.getOrDefault("anatomy-batches", "2000,10000").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).map(Integer::valueOf).toList();
        if (rows < 1 || drainRuns < 0 || rate < 1 || durationSeconds < 1) {
            throw new IllegalArgumentException("need --rows >= 1, --drain-runs >= 0, --rate >= 1, --duration >= 1");
        }
    }

    /**
     * @param args {@code --name=value} options, see the class comment
     * @throws Exception when the bench cannot run
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        new RelayBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        LocalMachine.deleteTree(work);
        Files.createDirectories(work);
        String loadBefore = uptime();
        log.println("relay bench: " + service.module() + ", topic " + topic + ", work " + work);
        log.println("machine: " + loadBefore);
        // A copy of the service's build: another engineer may rebuild the module while this runs.
        Path apps = work.resolve("apps");
        Path app = repo.resolve(service.module()).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: ./mvnw -o -q -DskipTests "
                    + "install -pl " + service.module() + " -am");
        }
        copyTree(app, apps.resolve(service.module()).resolve("target/quarkus-app"));
        log.println("service build: " + app + " of " + Files.getLastModifiedTime(app.resolve("quarkus-run.jar"))
                + " (copied to " + apps + ")");
        Suite.Builder builder = Suite.builder().repoRoot(apps).dataDir(work).randomPorts().services(service)
                .javaOptions(jvmOptions);
        serviceEnv.forEach((k, v) -> builder.env(service, k, v));
        suite = builder.start();
        List<Drain> drains = new ArrayList<>();
        List<Anatomy> anatomies = new ArrayList<>();
        List<Perf> perfs = new ArrayList<>();
        List<Latency> latencies = new ArrayList<>();
        E2e e2e = null;
        String loadAfter;
        try {
            bootstrap = suite.kafka().bootstrapServers();
            int partitions = awaitTopic(topic, Duration.ofSeconds(15));
            log.printf("topic %s: %d partitions%n", topic, partitions);
            if (extraSql != null && !extraSql.isBlank()) {
                // An experiment on the schema the service migrated (e.g. another index), never part of the default run.
                try (Connection c = db(); Statement s = c.createStatement()) {
                    s.execute(extraSql);
                }
                log.println("extra SQL applied: " + extraSql);
            }
            // Each drain is followed by Kafka's producer on the same broker, so that each pair sees about the
            // same machine load (the machine is shared); the ratio is taken per pair.
            createTopic(PERF_TOPIC, partitions);
            if (!skip.contains("drain")) {
                for (int i = 1; i <= drainRuns; i++) {
                    Drain d = drain(i);
                    drains.add(d);
                    if (!skip.contains("perf")) {
                        perfs.add(producerPerformance(d.avgPayloadBytes()));
                    }
                }
            }
            int size = drains.isEmpty() ? samplePayload(UUID.randomUUID().toString()).length() + 40
                    : (int) Math.round(drains.stream().mapToInt(Drain::avgPayloadBytes).average().orElse(500));
            if (drains.isEmpty() && !skip.contains("perf")) {
                perfs.add(producerPerformance(size));
            }
            if (!skip.contains("anatomy")) {
                suite.stop(service, 1);
                for (int batch : anatomyBatches) {
                    anatomies.add(anatomy(batch));
                }
                log.println("starting " + service.module() + " again");
                suite.restart(service, 1);
            }
            if (!skip.contains("latency")) {
                for (String history : latencyHistories) {
                    boolean stale = history.endsWith("stale");
                    latencies.add(latency(partitions, Integer.parseInt(history.replace("stale", "")), stale));
                    try (Connection c = db()) {
                        explain(c, 2000, "after-latency-" + history);
                    }
                }
            }
            if (!skip.contains("e2e")) {
                e2e = endToEndLatency(size);
            }
            loadAfter = uptime();
        } finally {
            suite.close();
        }
        String report = report(drains, anatomies, perfs, latencies, e2e, loadBefore, loadAfter);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        log.println();
        log.println(report);
        log.println("written to " + out);
    }

    // ------------------------------------------------------------------------------------------ drain

    private Drain drain(int run) throws Exception {
        log.printf("drain %d/%d: stopping %s%n", run, drainRuns, service.module());
        suite.stop(service, 1);
        long insertMillis;
        try (Connection c = db()) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate " + schema + ".outbox_event");
            }
            long t = System.nanoTime();
            insertBacklog(c, rows);
            insertMillis = (System.nanoTime() - t) / 1_000_000;
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze " + schema + ".outbox_event");
            }
        }
        log.printf("  %d unsent rows inserted in %d ms; starting %s%n", rows, insertMillis, service.module());

        AtomicLong firstSentNanos = new AtomicLong();
        AtomicLong zeroNanos = new AtomicLong();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> pollUnsent(firstSentNanos, zeroNanos, polling), "unsent-poller");
        poller.setDaemon(true);
        poller.start();
        long spawn = System.nanoTime();
        suite.restart(service, 1);
        long ready = System.nanoTime();
        long deadline = ready + DRAIN_TIMEOUT.toNanos();
        while (zeroNanos.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        polling.set(false);
        poller.join(5_000);
        if (zeroNanos.get() == 0) {
            throw new IllegalStateException("the outbox was not drained within " + DRAIN_TIMEOUT + "; see "
                    + suite.logFile(service, 1));
        }
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     with t as (select sent_at, octet_length(payload::text) len from %s.outbox_event)
                     select count(*), min(sent_at), max(sent_at), count(distinct sent_at),
                            count(*) filter (where sent_at = (select min(sent_at) from t)), avg(len)
                     from t""".formatted(schema))) {
            rs.next();
            int count = rs.getInt(1);
            Instant min = rs.getTimestamp(2).toInstant();
            Instant max = rs.getTimestamp(3).toInstant();
            int rounds = rs.getInt(4);
            int firstRound = rs.getInt(5);
            int avgLen = (int) Math.round(rs.getDouble(6));
            double roundMedian = roundMedianMs(c);
            double span = Duration.between(min, max).toNanos() / 1e9;
            Drain d = new Drain(count, insertMillis, (ready - spawn) / 1e9, span, count / span, rounds, firstRound,
                    (count - firstRound) / span, (zeroNanos.get() - ready) / 1e9,
                    (zeroNanos.get() - firstSentNanos.get()) / 1e9, avgLen, roundMedian);
            log.printf(Locale.ROOT, "  drained %d rows: sent_at span %.3f s -> %.0f events/s (%d rounds, %.0f after the"
                            + " first round, median %.1f ms between rounds); ready->zero %.2f s, first sent->zero %.2f s,"
                            + " service ready after %.2f s%n",
                    count, span, d.rate(), rounds, d.rateAfterFirstRound(), roundMedian, d.readyToZeroSeconds(),
                    d.firstSentToZeroSeconds(), d.startSeconds());
            return d;
        }
    }

    /** Median time between two consecutive sent_at values (one per relay round). */
    private double roundMedianMs(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select percentile_cont(0.5) within group (order by d) from (
                  select extract(epoch from sent_at - lag(sent_at) over (order by sent_at)) * 1000 d
                  from (select distinct sent_at from %s.outbox_event) r) x where d is not null""".formatted(schema))) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    // ------------------------------------------------------------------------------------------ anatomy

    /**
     * Replays the relay's round in this JVM on a fresh backlog (service stopped): the same statements
     * ({@code pg_try_advisory_lock} over 32 buckets, the select by bucket in seq order, the update by
     * {@code seq = any(?)}, {@code pg_advisory_unlock_all()}) and the same producer settings (idempotent,
     * acks=all, linger 5 ms, batch.size 128 KiB), timing each step. Not the service's code: an explanation of
     * where a round's time goes, not a second measurement of the relay.
     */
    private Anatomy anatomy(int batchSize) throws Exception {
        log.printf("anatomy: the relay's round replayed here, batch size %d, backlog %d rows%n", batchSize, rows);
        try (Connection c = db()) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate " + schema + ".outbox_event");
            }
            insertBacklog(c, rows);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze " + schema + ".outbox_event");
            }
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("client.id", "relay-bench-anatomy");
        props.put("acks", "all");
        props.put("enable.idempotence", true);
        props.put("max.in.flight.requests.per.connection", 5);
        props.put("linger.ms", 5);
        props.put("batch.size", 128 * 1024);
        props.put("request.timeout.ms", 10_000);
        props.put("delivery.timeout.ms", 30_000);
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        long lock = 0;
        long select = 0;
        long enqueue = 0;
        long flush = 0;
        long update = 0;
        long unlock = 0;
        int sent = 0;
        int rounds = 0;
        int warm = 0;
        try (Connection c = db();
             org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(props);
             PreparedStatement lockPs = c.prepareStatement(
                     "select b from generate_series(0, ? - 1) b where pg_try_advisory_lock(hashtext(?), b)");
             PreparedStatement selectPs = c.prepareStatement("""
                     select seq, id, topic, event_type, aggregate_id, bucket, payload::text, occurred_at
                     from %s.outbox_event where sent_at is null and bucket = any(?) order by seq limit ?"""
                     .formatted(schema));
             PreparedStatement updatePs = c.prepareStatement(
                     "update " + schema + ".outbox_event set sent_at = ? where seq = any(?)");
             Statement unlockSt = c.createStatement()) {
            c.setAutoCommit(true);
            explain(c, batchSize, "anatomy-" + batchSize + "-start");
            boolean explainedHalf = false;
            producer.partitionsFor(topic); // metadata, as the running relay has it
            long start = System.nanoTime();
            while (true) {
                long t0 = System.nanoTime();
                List<Integer> buckets = new ArrayList<>();
                lockPs.setInt(1, BUCKETS);
                lockPs.setString(2, "kerege_outbox." + schema);
                try (ResultSet rs = lockPs.executeQuery()) {
                    while (rs.next()) {
                        buckets.add(rs.getInt(1));
                    }
                }
                long t1 = System.nanoTime();
                selectPs.setArray(1, c.createArrayOf("integer", buckets.toArray()));
                selectPs.setInt(2, batchSize);
                List<Object[]> batch = new ArrayList<>();
                try (ResultSet rs = selectPs.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()});
                    }
                }
                long t2 = System.nanoTime();
                List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> futures =
                        new ArrayList<>(batch.size());
                for (Object[] row : batch) {
                    var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
                            (String) row[2], (String) row[4], ((String) row[6]).getBytes(StandardCharsets.UTF_8));
                    var h = record.headers();
                    h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                    h.add("ce_id", ((String) row[1]).getBytes(StandardCharsets.UTF_8));
                    h.add("ce_source", ("/kerege/" + schema).getBytes(StandardCharsets.UTF_8));
                    h.add("ce_type", ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                    h.add("ce_time", row[7].toString().getBytes(StandardCharsets.UTF_8));
                    h.add("ce_subject", ((String) row[4]).getBytes(StandardCharsets.UTF_8));
                    h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                    futures.add(producer.send(record));
                }
                long t3 = System.nanoTime();
                producer.flush();
                for (var f : futures) {
                    f.get();
                }
                long t4 = System.nanoTime();
                if (!batch.isEmpty()) {
                    updatePs.setTimestamp(1, Timestamp.from(Instant.now()));
                    updatePs.setArray(2, c.createArrayOf("bigint", batch.stream().map(r -> r[0]).toArray()));
                    updatePs.executeUpdate();
                }
                long t5 = System.nanoTime();
                unlockSt.execute("select pg_advisory_unlock_all()");
                long t6 = System.nanoTime();
                if (batch.isEmpty()) {
                    break;
                }
                if (warm++ == 0) {
                    continue; // the first round (class loading, JIT, connections) is not counted
                }
                rounds++;
                sent += batch.size();
                if (!explainedHalf && sent >= rows / 2) {
                    explainedHalf = true;
                    long e0 = System.nanoTime();
                    explain(c, batchSize, "anatomy-" + batchSize + "-half-sent");
                    start += System.nanoTime() - e0;
                }
                lock += t1 - t0;
                select += t2 - t1;
                enqueue += t3 - t2;
                flush += t4 - t3;
                update += t5 - t4;
                unlock += t6 - t5;
            }
            double total = (lock + select + enqueue + flush + update + unlock) / 1e6;
            Anatomy a = new Anatomy(batchSize, sent, rounds, total, lock / 1e6, select / 1e6, enqueue / 1e6,
                    flush / 1e6, update / 1e6, unlock / 1e6);
            log.printf(Locale.ROOT, "  %d rows in %d rounds, %.0f ms -> %.0f events/s; per round: lock %.1f, select %.1f,"
                            + " send %.1f, flush+acks %.1f, update %.1f, unlock %.1f ms (wall %.0f ms)%n", sent, rounds,
                    total, a.rate(), a.lockMs() / rounds, a.selectMs() / rounds, a.enqueueMs() / rounds,
                    a.flushMs() / rounds, a.updateMs() / rounds, a.unlockMs() / rounds,
                    (System.nanoTime() - start) / 1e6);
            return a;
        }
    }

    /** EXPLAIN ANALYZE of the relay's select and update on the full backlog, to {@code <work>/explain-<batch>.txt}. */
    private void explain(Connection c, int batchSize, String name) throws SQLException, IOException {
        StringBuilder b = new StringBuilder();
        String all = "'{" + String.join(",", java.util.stream.IntStream.range(0, BUCKETS).mapToObj(Integer::toString)
                .toList()) + "}'::int[]";
        String select = """
                select seq, id, topic, event_type, aggregate_id, bucket, payload::text, occurred_at
                from %s.outbox_event where sent_at is null and bucket = any(%s) order by seq limit %d"""
                .formatted(schema, all, batchSize);
        String update = """
                update %s.outbox_event set sent_at = now() where seq = any(array(
                  select seq from %s.outbox_event where sent_at is null order by seq limit %d))"""
                .formatted(schema, schema, batchSize);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String q : List.of(select, update)) {
                b.append("-- ").append(q.replace('\n', ' ')).append('\n');
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + q)) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('\n');
                    }
                }
                b.append('\n');
            }
            // The relay's select is a prepared statement: after 5 executions pgjdbc prepares it on the server, and
            // PostgreSQL may then switch to a generic plan that knows neither the buckets nor the limit.
            s.execute("set local plan_cache_mode = force_generic_plan");
            s.execute("""
                    prepare relay_select(int[], int) as
                    select seq, id, topic, event_type, aggregate_id, bucket, payload::text, occurred_at
                    from %s.outbox_event where sent_at is null and bucket = any($1) order by seq limit $2"""
                    .formatted(schema));
            b.append("-- the same select as a prepared statement, generic plan (plan_cache_mode = force_generic_plan)\n");
            try (ResultSet rs = s.executeQuery("explain (analyze, buffers) execute relay_select(" + all + ", "
                    + batchSize + ")")) {
                while (rs.next()) {
                    b.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("deallocate relay_select");
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        Path file = work.resolve("explain-" + name + ".txt");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        log.println("  plans: " + file);
    }

    private void pollUnsent(AtomicLong firstSent, AtomicLong zero, AtomicBoolean polling) {
        try (Connection c = db();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from " + schema + ".outbox_event where sent_at is null")) {
            long next = System.nanoTime();
            while (polling.get()) {
                long now = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long unsent = rs.getLong(1);
                    if (unsent < rows && firstSent.get() == 0) {
                        firstSent.set(now);
                    }
                    if (unsent == 0) {
                        zero.set(now);
                        return;
                    }
                }
                next += 100_000_000L;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("polling the outbox failed", e);
        }
    }

    /** One statement: the rows come in as three arrays (aggregate id, bucket, payload) and are unnested. */
    private void insertBacklog(Connection c, int n) throws SQLException {
        String[] aggregates = new String[n];
        Integer[] buckets = new Integer[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            String invoiceId = UUID.randomUUID().toString();
            aggregates[i] = invoiceId;
            buckets[i] = Math.floorMod(invoiceId.hashCode(), BUCKETS);
            payloads[i] = samplePayload(invoiceId);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into %s.outbox_event (id, topic, event_type, aggregate_type, aggregate_id, bucket, payload, occurred_at)
                select gen_random_uuid(), ?, ?, 'invoice', t.aggregate_id, t.bucket, cast(t.payload as jsonb), now()
                from unnest(?, ?, ?) with ordinality as t(aggregate_id, bucket, payload, n)
                order by t.n""".formatted(schema))) {
            ps.setString(1, topic);
            ps.setString(2, eventType());
            ps.setArray(3, c.createArrayOf("text", aggregates));
            ps.setArray(4, c.createArrayOf("integer", buckets));
            ps.setArray(5, c.createArrayOf("text", payloads));
            int inserted = ps.executeUpdate();
            if (inserted != n) {
                throw new IllegalStateException("inserted " + inserted + " rows, expected " + n);
            }
        }
    }

    private String eventType() {
        return "org.kerege." + schema + ".invoice-issued.v1";
    }

    private static final String[][] FEES = {
            {"mn.passport.extension", "Passport extension", "Registration Authority"},
            {"mn.passport.issue", "Passport issue", "Registration Authority"},
            {"mn.driving-licence.renewal", "Licence renewal", "Transport Centre"},
            {"mn.civil-registry.certificate", "Certificate", "Registration Authority"},
    };

    /** An {@code InvoiceIssuedV1} as Jackson writes it (field order of the record, ISO instants), ~500 bytes. */
    private String samplePayload(String invoiceId) {
        String[] fee = FEES[random.nextInt(FEES.length)];
        long state = 10_000L * (5 + random.nextInt(60));
        long serviceFee = 2_500L * (1 + random.nextInt(8));
        Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return "{\"invoiceId\":\"" + invoiceId + "\",\"paymentCode\":\"" + code(4) + "-" + code(4) + "-" + code(2)
                + "\",\"applicationRef\":\"A-2026-" + String.format("%06d", random.nextInt(1_000_000))
                + "\",\"feeCode\":\"" + fee[0] + "\",\"totalMinor\":" + (state + serviceFee)
                + ",\"currency\":\"MNT\",\"lines\":[{\"description\":\"" + fee[1] + "\",\"account\":\"MN"
                + digits(18) + "\",\"beneficiary\":\"" + fee[2] + "\",\"amountMinor\":" + state
                + "},{\"description\":\"Service fee\",\"account\":\"MN" + digits(18)
                + "\",\"beneficiary\":\"Centre " + (1 + random.nextInt(30))
                + "\",\"amountMinor\":" + serviceFee + "}],\"issuedAt\":\"" + issued + "\",\"expiresAt\":\""
                + issued.plus(Duration.ofDays(30)) + "\"}";
    }

    private String code(int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------ latency

    private Latency latency(int partitions, int history, boolean staleStats) throws Exception {
        // The outbox as the relay finds it: empty, or holding `history` rows already sent (the relay keeps sent
        // rows for kerege.events.relay.retention = 7 days, so a production outbox is never empty).
        long seqBefore;
        try (Connection c = db()) {
            try (Statement s = c.createStatement()) {
                s.execute("truncate " + schema + ".outbox_event");
            }
            if (history > 0) {
                insertBacklog(c, history);
                if (staleStats) {
                    // Statistics taken while the rows were unsent, as right after a backlog was drained and before
                    // autovacuum analyzes the table again.
                    try (Statement s = c.createStatement()) {
                        s.execute("vacuum analyze " + schema + ".outbox_event");
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("update " + schema + ".outbox_event set sent_at = now() - interval '1 hour'");
                }
            }
            if (!staleStats) {
                try (Statement s = c.createStatement()) {
                    s.execute("vacuum analyze " + schema + ".outbox_event");
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select coalesce(max(seq), 0) from " + schema + ".outbox_event")) {
                rs.next();
                seqBefore = rs.getLong(1);
            }
        }
        Map<String, long[]> indexBefore = indexUse();
        int warmup = warmupSeconds * rate;
        int measured = durationSeconds * rate;
        long periodNanos = 1_000_000_000L / rate;
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Set<String> measuredIds = ConcurrentHashMap.newKeySet();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relay-bench-latency");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new TopicPartition(topic, p));
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        Thread reader = new Thread(() -> {
            try {
                while (consuming.get()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
                    long now = System.nanoTime();
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        Header h = r.headers().lastHeader("ce_id");
                        if (h == null) {
                            continue;
                        }
                        consumed.putIfAbsent(new String(h.value(), StandardCharsets.UTF_8), now);
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }, "latency-consumer");
        reader.setDaemon(true);
        reader.start();

        log.printf("latency: %d events/s, %d s warm-up + %d s measured, one row per transaction + NOTIFY; outbox holds"
                + " %d sent rows%n", rate, warmupSeconds, durationSeconds, history);
        long[] commitNanos = new long[measured];
        long lagMax = 0;
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into %s.outbox_event (id, topic, event_type, aggregate_type, aggregate_id, bucket, payload, occurred_at)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""".formatted(schema));
                 Statement notify = c.createStatement()) {
                long start = System.nanoTime() + 100_000_000L;
                for (int i = 0; i < warmup + measured; i++) {
                    long due = start + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long late = System.nanoTime() - due;
                    String invoiceId = UUID.randomUUID().toString();
                    UUID id = UUID.randomUUID();
                    String payload = samplePayload(invoiceId);
                    long before = System.nanoTime();
                    insert.setObject(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, eventType());
                    insert.setString(4, "invoice");
                    insert.setString(5, invoiceId);
                    insert.setInt(6, Math.floorMod(invoiceId.hashCode(), BUCKETS));
                    insert.setString(7, payload);
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                    notify.execute("NOTIFY kerege_outbox_" + schema);
                    c.commit();
                    long at = System.nanoTime();
                    String key = id.toString();
                    committed.put(key, at);
                    if (i >= warmup) {
                        measuredIds.add(key);
                        commitNanos[i - warmup] = at - before;
                        lagMax = Math.max(lagMax, late);
                    }
                }
            }
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!consumed.keySet().containsAll(measuredIds) && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        consuming.set(false);
        reader.join(5_000);
        // Consumed instants are taken for every record; matched to commit instants only now, so a writer thread
        // descheduled between commit and bookkeeping cannot lose a sample.
        double[] ms = measuredIds.stream().filter(consumed::containsKey)
                .mapToDouble(id -> (consumed.get(id) - committed.get(id)) / 1e6).sorted().toArray();
        double[] commits = Arrays.stream(commitNanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        Map<String, long[]> indexAfter = indexUse();
        StringBuilder use = new StringBuilder();
        indexAfter.forEach((index, after) -> {
            long[] before = indexBefore.getOrDefault(index, new long[2]);
            use.append(use.length() == 0 ? "" : ", ").append(index).append(": ").append(after[0] - before[0])
                    .append(" scans, ").append(after[1] - before[1]).append(" entries read");
        });
        int rounds;
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(distinct sent_at) from " + schema + ".outbox_event where seq > " + seqBefore)) {
            rs.next();
            rounds = rs.getInt(1);
        }
        Latency l = new Latency(history, staleStats, measured, ms.length, pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99),
                ms.length == 0 ? Double.NaN : ms[ms.length - 1], Arrays.stream(ms).average().orElse(Double.NaN),
                lagMax / 1e6, pct(commits, 0.99), rounds, use.toString());
        log.printf(Locale.ROOT, "  %d/%d received: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (writer late at "
                        + "most %.1f ms, commit p99 %.1f ms)%n", l.received(), l.sent(), l.p50(), l.p95(), l.p99(),
                l.max(), l.writerLagMaxMs(), l.commitP99Ms());
        log.printf("  %d relay rounds sent the %d events; index use during the run: %s%n", rounds, warmup + measured,
                l.indexUse());
        return l;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** idx_scan and idx_tup_read of each index of the outbox table. */
    private Map<String, long[]> indexUse() throws SQLException {
        Map<String, long[]> use = new LinkedHashMap<>();
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes
                where schemaname = '%s' and relname = 'outbox_event' order by indexrelname""".formatted(schema))) {
            while (rs.next()) {
                use.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
            }
        }
        return use;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ------------------------------------------------------------------------------------------ Kafka's tools

    private Perf producerPerformance(int recordSize) throws IOException, InterruptedException {
        log.printf("Kafka ProducerPerformance: %d records of %d bytes, acks=all, topic %s%n", perfRecords, recordSize,
                PERF_TOPIC);
        String output = tool("producer-perf", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", PERF_TOPIC, "--num-records", Integer.toString(perfRecords),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
        Matcher m = PERF_SUMMARY.matcher(output);
        Perf last = null;
        while (m.find()) {
            last = new Perf(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                    Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)), m.group());
        }
        if (last == null) {
            throw new IllegalStateException("no summary line in ProducerPerformance's output:\n" + output);
        }
        log.println("  " + last.raw());
        return last;
    }

    private E2e endToEndLatency(int size) throws IOException, InterruptedException {
        log.printf("Kafka EndToEndLatency: %d messages of %d bytes, acks=all, topic %s%n", e2eRecords, size, E2E_TOPIC);
        String output = tool("end-to-end", "org.apache.kafka.tools.EndToEndLatency", bootstrap, E2E_TOPIC,
                Integer.toString(e2eRecords), "all", Integer.toString(size));
        Matcher avg = E2E_AVG.matcher(output);
        Matcher pct = E2E_PCT.matcher(output);
        if (!avg.find() || !pct.find()) {
            throw new IllegalStateException("no summary in EndToEndLatency's output:\n" + output);
        }
        E2e e = new E2e(e2eRecords, Double.parseDouble(avg.group(1)), Long.parseLong(pct.group(1)),
                Long.parseLong(pct.group(2)), Long.parseLong(pct.group(3)), avg.group() + "; " + pct.group());
        log.println("  " + e.raw());
        return e;
    }

    /** Runs a Kafka tool in a child JVM with this JVM's classpath; returns its output (also in logs/<name>.log). */
    private String tool(String name, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dslf4j.internal.verbosity=WARN");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path logFile = work.resolve("logs").resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(logFile.toFile()))
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish within 10 minutes; see " + logFile);
        }
        String output = Files.readString(logFile, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " exited with " + p.exitValue() + ":\n" + output);
        }
        return output;
    }

    // ------------------------------------------------------------------------------------------ infrastructure

    private Connection db() throws SQLException {
        return suite.postgres().connect(PostgresServer.DATABASE);
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    /** Waits until the service's relay created the topic (creates it after the timeout); returns its partitions. */
    private int awaitTopic(String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (admin.listTopics().names().get().contains(name)) {
                    TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                    return d.partitions().size();
                }
                if (System.nanoTime() > deadline) {
                    log.println("  topic " + name + " not created by the service; creating it (3 partitions)");
                    createTopic(name, 3);
                    return 3;
                }
                Thread.sleep(200);
            }
        }
    }

    private void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (IOException e) {
            return "uptime unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "uptime interrupted";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ report

    private String report(List<Drain> drains, List<Anatomy> anatomies, List<Perf> perfs, List<Latency> latencies, E2e e2e,
                          String loadBefore, String loadAfter) {
        StringBuilder b = new StringBuilder();
        String when = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        b.append("# Outbox relay bench, ").append(when).append("\n\n");
        b.append("Service ").append(service.module()).append(" (JVM options ").append(String.join(" ", jvmOptions))
                .append(serviceEnv.isEmpty() ? "" : "; env " + serviceEnv).append("), topic `").append(topic)
                .append("`; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(".\n");
        if (extraSql != null && !extraSql.isBlank()) {
            b.append("Experiment: extra SQL applied after the service's migrations: `").append(extraSql).append("`.\n");
        }
        b.append("Load before: `").append(loadBefore).append("`; after: `").append(loadAfter).append("`.\n\n");

        if (!drains.isEmpty()) {
            b.append("## Drain of a backlog of ").append(rows).append(" rows\n\n");
            b.append("| run | rows | payload B (avg) | sent_at span s | **events/s** | rounds | ms between rounds (median) "
                    + "| events/s after 1st round | service ready s | ready → 0 unsent s | 1st sent → 0 unsent s |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < drains.size(); i++) {
                Drain d = drains.get(i);
                b.append(String.format(Locale.ROOT, "| %d | %d | %d | %.3f | **%.0f** | %d | %.1f | %.0f | %.2f | %.2f | %.2f |%n",
                        i + 1, d.rows(), d.avgPayloadBytes(), d.spanSeconds(), d.rate(), d.rounds(), d.roundMedianMs(),
                        d.rateAfterFirstRound(), d.startSeconds(), d.readyToZeroSeconds(), d.firstSentToZeroSeconds()));
            }
            b.append('\n');
            b.append("events/s = rows / (max(sent_at) − min(sent_at)). sent_at is stamped once per round, after the round's "
                    + "acknowledgements, so the span leaves out the first round: \"after 1st round\" divides only the rows of "
                    + "the later rounds by it. \"ready\" = first 200 from /q/health/ready; the relay starts at Quarkus start-up, "
                    + "so a negative \"ready → 0\" means the backlog was gone before the probe answered.\n\n");
        }
        if (!anatomies.isEmpty()) {
            b.append("## Where a relay round's time goes (the round replayed in the bench JVM, same SQL and producer settings)\n\n");
            b.append("| batch | rows | rounds | events/s | lock 32 buckets | select | send (enqueue) | flush + acks | update sent_at | unlock all |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Anatomy a : anatomies) {
                int r = Math.max(1, a.rounds());
                b.append(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f ms (%.0f %%) | %.1f ms (%.0f %%) | %.1f ms (%.0f %%) | %.1f ms (%.0f %%) | %.1f ms (%.0f %%) | %.1f ms (%.0f %%) |%n",
                        a.batchSize(), a.rows(), a.rounds(), a.rate(),
                        a.lockMs() / r, 100 * a.lockMs() / a.totalMs(), a.selectMs() / r, 100 * a.selectMs() / a.totalMs(),
                        a.enqueueMs() / r, 100 * a.enqueueMs() / a.totalMs(), a.flushMs() / r, 100 * a.flushMs() / a.totalMs(),
                        a.updateMs() / r, 100 * a.updateMs() / a.totalMs(), a.unlockMs() / r, 100 * a.unlockMs() / a.totalMs()));
            }
            b.append("\nPer-round means (share of the total), the first round left out (warm-up). The bench JVM runs with full JIT, the service with C1 only "
                    + "(-XX:TieredStopAtLevel=1), so the replay's Java-side steps are faster than the service's.\n\n");
        }
        if (!perfs.isEmpty() || !drains.isEmpty()) {
            b.append("## Drain rate next to Kafka's producer\n\n");
            b.append("Each drain run is followed at once by `ProducerPerformance --num-records ").append(perfRecords)
                    .append(" --record-size <avg payload> --throughput -1 acks=all` on a ")
                    .append("fresh topic with as many partitions (`").append(PERF_TOPIC).append("`), same broker.\n\n");
            b.append("| run | relay drain events/s | Kafka producer records/s (MB/s; avg / p99 latency ms) | **ratio** (goal ≥ 0.25) |\n");
            b.append("|---:|---:|---:|---:|\n");
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.max(drains.size(), perfs.size()); i++) {
                Drain d = i < drains.size() ? drains.get(i) : null;
                Perf p = i < perfs.size() ? perfs.get(i) : null;
                double ratio = d == null || p == null ? Double.NaN : d.rate() / p.recordsPerSecond();
                if (!Double.isNaN(ratio)) {
                    ratios.add(ratio);
                }
                b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", i + 1,
                        d == null ? "–" : String.format(Locale.ROOT, "%.0f", d.rate()),
                        p == null ? "–" : String.format(Locale.ROOT, "%.0f (%.2f; %.0f / %d)", p.recordsPerSecond(),
                                p.mbPerSecond(), p.avgMs(), p.p99()),
                        Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.3f", ratio)));
            }
            double drainMedian = median(drains.stream().map(Drain::rate).toList());
            double perfMedian = median(perfs.stream().map(Perf::recordsPerSecond).toList());
            double ratioMedian = median(ratios);
            b.append(String.format(Locale.ROOT, "| **median** | **%.0f** | **%.0f** | **%.3f** %s |%n", drainMedian,
                    perfMedian, ratioMedian, Double.isNaN(ratioMedian) ? "" : ratioMedian >= 0.25 ? "met" : "missed"));
            b.append('\n');
        }
        if (!latencies.isEmpty() || e2e != null) {
            b.append("## Commit-to-consumed latency at ").append(rate).append(" events/s\n\n");
            b.append("| measure | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            for (Latency latency : latencies) {
                b.append(String.format(Locale.ROOT, "| relay, outbox holding %d sent rows%s: commit returned → consumed (%d s after %d s warm-up) | %d of %d | %.1f | %.1f | **%.1f** | %.1f |%n",
                        latency.history(), latency.staleStats() ? " (statistics from before they were sent)" : "", durationSeconds, warmupSeconds, latency.received(), latency.sent(), latency.p50(), latency.p95(),
                        latency.p99(), latency.max()));
            }
            if (e2e != null) {
                b.append(String.format(Locale.ROOT, "| Kafka EndToEndLatency (acks=all, one at a time; avg %.2f ms) | %d | %d | – | %d | (99.9th %d) |%n",
                        e2e.avgMs(), e2e.records(), e2e.p50(), e2e.p99(), e2e.p999()));
            }
            b.append('\n');
            for (Latency latency : latencies) {
                b.append(String.format(Locale.ROOT,
                        "- %d sent rows in the outbox%s: goal p99 ≤ 50 ms **%s** (%.1f ms). Writer at most %.1f ms behind its "
                                + "schedule, commit p99 %.1f ms. %d relay rounds for %d events (%.1f per round). Index use "
                                + "during the run (pg_stat_user_indexes): %s.%n",
                        latency.history(), latency.staleStats() ? " (stale statistics)" : "", latency.p99() <= 50 ? "met" : "missed", latency.p99(), latency.writerLagMaxMs(),
                        latency.commitP99Ms(), latency.rounds(), (warmupSeconds + durationSeconds) * rate,
                        (warmupSeconds + durationSeconds) * rate / (double) Math.max(1, latency.rounds()), latency.indexUse()));
            }
            b.append('\n');
        }
        b.append("Logs: `").append(work.resolve("logs")).append("`.\n");
        return b.toString();
    }
}
