package org.kerege.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/** The processed-event record of the idempotent consumer. */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public Inbox(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies the event, inside the caller's transaction.
     *
     * @return false when the event was already applied (a redelivery): the caller must not apply it again
     */
    public boolean firstDelivery(String consumer, EventMetadata event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into inbox_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, processed_at, subject)
                     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
            ps.setString(1, consumer);
            ps.setObject(2, event.id());
            ps.setString(3, event.type());
            ps.setString(4, event.topic());
            ps.setInt(5, event.partition());
            ps.setLong(6, event.offset());
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.setString(8, event.subject());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + event.id() + " in the inbox", e);
        }
    }
}
