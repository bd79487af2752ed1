package org.kerege.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics explicitly (3 partitions each, contracts.md) instead of relying on auto-creation. */
public final class Topics {

    private Topics() {
    }

    /**
     * Creates whichever of the topics do not exist yet.
     *
     * @throws IllegalStateException when Kafka cannot be reached or refuses
     */
    public static void ensure(Map<String, Object> kafkaConfig, Collection<String> topics, int partitions,
                              short replicationFactor) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (AdminClient admin = AdminClient.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicationFactor));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + topics + ": " + e, e);
        }
    }

    /** Retries {@link #ensure} with back-off until it succeeds or {@code keepTrying} turns false. */
    public static boolean ensureWithRetry(Map<String, Object> kafkaConfig, Collection<String> topics, int partitions,
                                          short replicationFactor, java.util.function.BooleanSupplier keepTrying,
                                          org.jboss.logging.Logger log) {
        Duration backoff = Duration.ofMillis(500);
        while (keepTrying.getAsBoolean()) {
            try {
                ensure(kafkaConfig, topics, partitions, replicationFactor);
                return true;
            } catch (IllegalStateException e) {
                log.warnf("Topics %s not ready yet (%s); retrying in %s", topics, e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
        return false;
    }
}
