package org.kerege.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events into the service's outbox table, in the caller's database transaction, so that an
 * event exists exactly when the state change it reports was committed. {@link OutboxRelay} sends them.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;
    private final String notifyChannel;

    public Outbox(AgroalDataSource dataSource, TransactionManager transactions, ObjectMapper json, Clock clock,
                  EventsConfig config, @ConfigProperty(name = "kerege.schema") String schema) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.notifyChannel = notifyChannel(schema);
    }

    /** The LISTEN/NOTIFY channel that wakes the relay of a schema's outbox. */
    static String notifyChannel(String schema) {
        return "kerege_outbox_" + schema.replaceAll("[^a-zA-Z0-9_]", "_");
    }

    /**
     * Adds an event to the outbox. Must be called inside an active transaction.
     *
     * @return the event's id (the CloudEvent id)
     * @throws IllegalStateException when no transaction is active: an event outside one could be
     *                               sent for a change that never committed, or lost for one that did
     */
    public UUID publish(Event event) {
        requireActiveTransaction();
        EventType type = EventType.of(event.getClass());
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type.type() + " cannot be written as JSON", e);
        }
        String aggregateId = event.aggregateId();
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("Event " + type.type() + " has no aggregate id");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbox_event (id, topic, event_type, aggregate_type, aggregate_id, bucket, payload, occurred_at)
                     values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""");
             Statement notify = c.createStatement()) {
            insert.setObject(1, id);
            insert.setString(2, type.topic());
            insert.setString(3, type.type());
            insert.setString(4, type.aggregate());
            insert.setString(5, aggregateId);
            insert.setInt(6, bucketOf(aggregateId, config.buckets()));
            insert.setString(7, payload);
            insert.setTimestamp(8, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            notify.execute("NOTIFY " + notifyChannel);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write event " + type.type() + " to the outbox", e);
        }
        return id;
    }

    /** The relay bucket of an aggregate: stable, so one aggregate's events are always relayed in order. */
    static int bucketOf(String aggregateId, int buckets) {
        return Math.floorMod(aggregateId.hashCode(), buckets);
    }

    private void requireActiveTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("Outbox.publish needs an active transaction (annotate the caller "
                        + "@Transactional): the event must commit together with the change it reports");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
