package org.kerege.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer of a service: one thread on the plain Kafka client, subscribed to the topics
 * of every {@link EventHandler} bean, group id = the service's name. Each event is applied in one
 * database transaction together with its {@link Inbox} record; offsets are committed only after
 * those transactions commit, so a crash redelivers and the inbox skips what was already applied.
 *
 * <ul>
 *   <li>An event of a type no handler knows, whose family is handled in another version, is
 *       dead-lettered ("consumers accept the versions they know and dead-letter the rest"); an event
 *       of a family nobody here handles is skipped (topics carry several event types).</li>
 *   <li>Invalid payloads and missing CloudEvents attributes are dead-lettered at once.</li>
 *   <li>A handler that throws is retried with back-off, then dead-lettered with the reason.</li>
 *   <li>When the database or the dead-letter topic is unreachable nothing is skipped: the consumer
 *       seeks back and retries until it is reachable again.</li>
 * </ul>
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final Instance<EventHandler<?>> handlerBeans;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String serviceName;
    private final MeterRegistry metrics;

    private final Map<String, EventHandler<?>> handlersByType = new HashMap<>();
    private final Set<String> handledFamilies = new HashSet<>();
    private final Set<String> topics = new TreeSet<>();

    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    public InboxConsumer(@Any Instance<EventHandler<?>> handlerBeans, Inbox inbox, ObjectMapper json,
                         EventsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                         @ConfigProperty(name = "quarkus.application.name") String serviceName, MeterRegistry metrics) {
        this.handlerBeans = handlerBeans;
        this.inbox = inbox;
        this.json = json;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.serviceName = serviceName;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        for (EventHandler<?> handler : handlerBeans) {
            EventType type = EventType.of(handler.eventClass());
            if (handlersByType.put(type.type(), handler) != null) {
                throw new IllegalStateException("Two handlers for " + type.type());
            }
            handledFamilies.add(type.family());
            topics.add(type.topic());
        }
        if (topics.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, serviceName + "-inbox-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The topics this service consumes. */
    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    private void loop() {
        List<String> toCreate = new ArrayList<>(topics);
        topics.forEach(t -> toCreate.add(EventType.deadLetterTopic(t)));
        if (!Topics.ensureWithRetry(kafkaConfig, toCreate, config.partitions(), config.replicationFactor(),
                () -> running, LOG)) {
            return;
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps());
             KafkaProducer<String, byte[]> dlq = new KafkaProducer<>(deadLetterProps())) {
            consumer = c;
            deadLetters = dlq;
            c.subscribe(List.copyOf(topics));
            Duration backoff = Duration.ZERO;
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                boolean complete = processBatch(c, records);
                if (complete) {
                    backoff = Duration.ZERO;
                } else {
                    backoff = backoff.isZero() ? config.consumer().retryBackoff() : backoff.multipliedBy(2);
                    if (backoff.compareTo(Duration.ofSeconds(30)) > 0) {
                        backoff = Duration.ofSeconds(30);
                    }
                    Thread.sleep(backoff.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Inbox consumer woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Inbox consumer stopped by an unexpected failure; restart the service", e);
        } finally {
            consumer = null;
            deadLetters = null;
        }
    }

    /**
     * Applies a poll's records partition by partition and commits what was applied.
     *
     * @return false when an infrastructure failure stopped the batch (the rest will be redelivered)
     */
    private boolean processBatch(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records)
            throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean complete = true;
        for (TopicPartition partition : records.partitions()) {
            if (!complete) {
                c.seek(partition, records.records(partition).get(0).offset());
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    process(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (InfrastructureUnavailable e) {
                    LOG.warnf("Cannot apply events now (%s); will retry from offset %d of %s", e.getMessage(),
                            record.offset(), partition);
                    c.seek(partition, record.offset());
                    complete = false;
                    break;
                }
            }
        }
        if (!done.isEmpty()) {
            c.commitSync(done);
        }
        return complete;
    }

    private void process(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        if (type == null || id == null) {
            deadLetter(record, "missing CloudEvents attributes ce_type/ce_id");
            return;
        }
        EventHandler<?> handler = handlersByType.get(type);
        if (handler == null) {
            if (handledFamilies.contains(EventType.familyOf(type))) {
                deadLetter(record, "unsupported event version " + type + "; this consumer knows "
                        + handlersByType.keySet());
            }
            return;
        }
        EventMetadata metadata;
        Object event;
        try {
            String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
            metadata = new EventMetadata(UUID.fromString(id), type,
                    CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE),
                    CloudEventHeaders.get(record.headers(), CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time), record.topic(), record.partition(), record.offset());
            event = json.readValue(record.value(), handler.eventClass());
        } catch (Exception e) {
            deadLetter(record, "invalid event: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
            return;
        }
        applyWithRetries(record, handler, metadata, event);
    }

    private void applyWithRetries(ConsumerRecord<String, byte[]> record, EventHandler<?> handler,
                                  EventMetadata metadata, Object event) throws InterruptedException {
        Duration backoff = config.consumer().retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(serviceName, metadata)) {
                        return false;
                    }
                    apply(handler, metadata, event);
                    return true;
                });
                metrics.counter(applied ? "kerege.inbox.applied" : "kerege.inbox.duplicates", "type",
                        metadata.type()).increment();
                return;
            } catch (Exception e) {
                if (isInfrastructureFailure(e)) {
                    throw new InfrastructureUnavailable("database unavailable: " + rootMessage(e));
                }
                if (attempt >= config.consumer().maxAttempts()) {
                    LOG.errorf(e, "Event %s (%s) failed %d times; dead-lettering it", metadata.id(), metadata.type(),
                            attempt);
                    deadLetter(record, "handler failed " + attempt + " times: " + rootMessage(e));
                    return;
                }
                LOG.warnf("Event %s (%s) failed on attempt %d (%s); retrying in %s", metadata.id(), metadata.type(),
                        attempt, rootMessage(e), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(EventHandler handler, EventMetadata metadata, Object event) {
        handler.handle(metadata, (Event) event);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(EventType.deadLetterTopic(record.topic()), null,
                record.key(), record.value(), record.headers());
        CloudEventHeaders.put(out.headers(), CloudEventHeaders.DLQ_REASON, reason);
        CloudEventHeaders.put(out.headers(), CloudEventHeaders.DLQ_ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(out.headers(), CloudEventHeaders.DLQ_ORIGINAL_PARTITION, String.valueOf(record.partition()));
        CloudEventHeaders.put(out.headers(), CloudEventHeaders.DLQ_ORIGINAL_OFFSET, String.valueOf(record.offset()));
        CloudEventHeaders.put(out.headers(), CloudEventHeaders.DLQ_CONSUMER, serviceName);
        try {
            deadLetters.send(out).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureUnavailable("interrupted while dead-lettering");
        } catch (Exception e) {
            throw new InfrastructureUnavailable("dead-letter topic unavailable: " + rootMessage(e));
        }
        metrics.counter("kerege.inbox.dead_lettered", "topic", record.topic()).increment();
        LOG.warnf("Dead-lettered %s[%d]@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    /** Failures that say nothing about the event: the database is down or overloaded. Never dead-letter for them. */
    static boolean isInfrastructureFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (state == null && message != null && message.contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-inbox-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Map<String, Object> deadLetterProps() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letters");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static final class InfrastructureUnavailable extends RuntimeException {
        InfrastructureUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
