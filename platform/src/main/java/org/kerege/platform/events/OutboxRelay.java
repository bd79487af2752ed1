package org.kerege.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Sends the outbox to Kafka. One background thread per instance, with its own database connection in
 * auto-commit mode (no transaction is ever open across a Kafka send):
 * <ol>
 *   <li>take the advisory locks of every free bucket (so one relay of any instance sends a bucket),</li>
 *   <li>read that buckets' unsent rows in {@code seq} order, send them all with an idempotent producer
 *       ({@code acks=all}), wait for the acknowledgements,</li>
 *   <li>mark as sent, per bucket, the rows up to the first failure (a later row of the same aggregate
 *       is never marked before an earlier one), release the locks.</li>
 * </ol>
 * While Kafka or the database is unavailable it backs off and retries; nothing is dropped. A
 * {@code NOTIFY} from {@link Outbox} wakes it when new rows arrive. Sent rows are pruned after the
 * retention period. Delivery is at least once; consumers deduplicate by event id ({@link Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String serviceName;
    private final String schema;
    private final Clock clock;
    private final Counter sentCounter;
    private final Counter failureCounter;

    private volatile boolean running;
    private Thread thread;
    private Connection connection;
    private KafkaProducer<String, byte[]> producer;
    private Instant lastPrune = Instant.EPOCH;
    private boolean outage;

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String serviceName,
                       @ConfigProperty(name = "kerege.schema") String schema, Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.serviceName = serviceName;
        this.schema = schema;
        this.clock = clock;
        this.sentCounter = metrics.counter("kerege.outbox.sent");
        this.failureCounter = metrics.counter("kerege.outbox.send.failures");
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        thread = new Thread(this::loop, serviceName + "-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        closeConnection();
    }

    private void loop() {
        if (!Topics.ensureWithRetry(kafkaConfig, EventCatalog.topicsProducedBy(schema), config.partitions(),
                config.replicationFactor(), () -> running, LOG)) {
            return;
        }
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = relayRound();
                if (outage) {
                    LOG.info("Outbox relay recovered: sending again");
                    outage = false;
                }
                backoff = Duration.ZERO;
                pruneWhenDue();
                if (sent == 0) {
                    awaitNewRows(config.relay().idlePoll());
                }
            } catch (KafkaSendFailed e) {
                failureCounter.increment();
                backoff = nextBackoff(backoff);
                reportOutage("Kafka", e.getCause(), backoff);
                closeProducer();
                sleep(backoff);
            } catch (SQLException | RuntimeException e) {
                backoff = nextBackoff(backoff);
                reportOutage("the database", e, backoff);
                closeConnection();
                sleep(backoff);
            }
        }
    }

    /** One round: lock free buckets, send their unsent rows in order, mark what was acknowledged. */
    int relayRound() throws SQLException {
        Connection c = connection();
        List<Integer> buckets = lockFreeBuckets(c);
        try {
            if (buckets.isEmpty()) {
                return 0;
            }
            List<Row> rows = unsentRows(c, buckets);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Row> acknowledged = new ArrayList<>();
            Exception failure = send(rows, acknowledged);
            markSent(c, acknowledged);
            sentCounter.increment(acknowledged.size());
            if (failure != null) {
                throw new KafkaSendFailed(failure);
            }
            return rows.size();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_unlock_all()");
            }
        }
    }

    private List<Integer> lockFreeBuckets(Connection c) throws SQLException {
        List<Integer> buckets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select b from generate_series(0, ? - 1) b where pg_try_advisory_lock(hashtext(?), b)")) {
            ps.setInt(1, config.buckets());
            ps.setString(2, "kerege_outbox." + schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    buckets.add(rs.getInt(1));
                }
            }
        }
        return buckets;
    }

    private List<Row> unsentRows(Connection c, List<Integer> buckets) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, id, topic, event_type, aggregate_id, bucket, payload::text, occurred_at
                from outbox_event where sent_at is null and bucket = any(?) order by seq limit ?""")) {
            Array array = c.createArrayOf("integer", buckets.toArray());
            ps.setArray(1, array);
            ps.setInt(2, config.relay().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return rows;
    }

    /**
     * Sends rows in seq order and waits for every acknowledgement. Fills {@code acknowledged} with the
     * rows that may be marked sent: per bucket, those before the first failure.
     *
     * @return the first failure, or null
     */
    private Exception send(List<Row> rows, List<Row> acknowledged) {
        KafkaProducer<String, byte[]> p = producer();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (failed.get()) {
                break; // the broker is not answering: don't queue the rest behind a timeout each
            }
            futures.add(p.send(record(row), (metadata, error) -> {
                if (error != null) {
                    failed.set(true);
                }
            }));
        }
        p.flush();
        Exception first = null;
        Set<Integer> brokenBuckets = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Exception error = null;
            if (i >= futures.size()) {
                error = new IllegalStateException("not sent after an earlier failure");
            } else {
                try {
                    futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = e;
                } catch (Exception e) {
                    error = e;
                }
            }
            if (error != null) {
                brokenBuckets.add(row.bucket());
                first = first == null ? error : first;
            } else if (!brokenBuckets.contains(row.bucket())) {
                acknowledged.add(row);
            }
        }
        return first;
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        var h = record.headers();
        CloudEventHeaders.put(h, CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(h, CloudEventHeaders.ID, row.id());
        CloudEventHeaders.put(h, CloudEventHeaders.SOURCE, "/kerege/" + schema);
        CloudEventHeaders.put(h, CloudEventHeaders.TYPE, row.eventType());
        CloudEventHeaders.put(h, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        CloudEventHeaders.put(h, CloudEventHeaders.SUBJECT, row.aggregateId());
        CloudEventHeaders.put(h, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private void markSent(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set sent_at = ? where seq = any(?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setArray(2, c.createArrayOf("bigint", rows.stream().map(Row::seq).toArray()));
            ps.executeUpdate();
        }
    }

    private void pruneWhenDue() throws SQLException {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        try (PreparedStatement ps = connection().prepareStatement("""
                delete from outbox_event where seq in
                  (select seq from outbox_event where sent_at < ? order by seq limit 10000)""")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(config.relay().retention())));
            int deleted;
            do {
                deleted = ps.executeUpdate();
            } while (deleted == 10000 && running);
        }
    }

    private void awaitNewRows(Duration max) throws SQLException {
        PGConnection pg = connection().unwrap(PGConnection.class);
        pg.getNotifications((int) Math.max(1, max.toMillis()));
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + Outbox.notifyChannel(schema));
            }
            connection = c;
        }
        return connection;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            long delivery = config.relay().deliveryTimeout().toMillis();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, delivery - 10));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000L, delivery));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("Closing the relay's producer failed", e);
            }
            producer = null;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the relay's connection failed", e);
            }
            connection = null;
        }
    }

    private void reportOutage(String what, Throwable cause, Duration retryIn) {
        if (!outage) {
            LOG.warnf("Outbox relay cannot reach %s (%s); nothing is lost, retrying with back-off", what,
                    cause == null ? "unknown" : cause.toString());
            outage = true;
        } else {
            LOG.debugf("Outbox relay still cannot reach %s; next try in %s", what, retryIn);
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : next;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Row(long seq, String id, String topic, String eventType, String aggregateId, int bucket,
                       String payload, Instant occurredAt) {
    }

    private static final class KafkaSendFailed extends RuntimeException {
        KafkaSendFailed(Exception cause) {
            super(cause);
        }
    }
}
