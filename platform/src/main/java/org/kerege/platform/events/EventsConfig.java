package org.kerege.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the event backbone: outbox relay, inbox consumer and topics. */
@ConfigMapping(prefix = "kerege.events")
public interface EventsConfig {

    /**
     * Number of relay work units. An aggregate's events always fall in the same bucket, and only one
     * relay (of any instance) sends a bucket at a time. Change only while the outbox is drained.
     */
    @WithDefault("32")
    int buckets();

    /** Partitions of each topic this service creates (contracts.md: 3). */
    @WithDefault("3")
    int partitions();

    /** Replication factor of created topics: 1 on the single local broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Whether this instance relays its outbox to Kafka. */
        @WithDefault("true")
        boolean enabled();

        /** Rows read and sent per round (bench/relay: 5,000 drains a backlog faster than 2,000). */
        @WithDefault("5000")
        int batchSize();

        /** Longest wait for new rows when idle (a NOTIFY from the writer wakes it earlier). */
        @WithDefault("1s")
        Duration idlePoll();

        /** Ceiling of the back-off while Kafka or the database is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** The producer's delivery timeout: how long one send may keep retrying before it is failed. */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /** How long sent rows are kept before they are pruned. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /** Whether this instance consumes the events its handlers subscribe to. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts to apply one event before it is dead-lettered. */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; doubles on each attempt. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Records fetched per poll. */
        @WithDefault("500")
        int maxPollRecords();
    }
}
