package org.kerege.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * For events that carry a whole numbered snapshot (a catalog version): records each version a consumer
 * received and says whether it is newer than every version before it. Events of one aggregate arrive
 * in order, but a republished or replayed old version must still never replace a newer one.
 */
@ApplicationScoped
public class ReceivedVersions {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public ReceivedVersions(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records {@code version} of {@code stream}, inside the caller's (inbox) transaction.
     *
     * @return true when it is newer than every version received before: the caller applies it
     */
    public boolean takeIn(String stream, int version, EventMetadata event, Instant publishedAt) {
        try (Connection c = dataSource.getConnection()) {
            int latest;
            try (PreparedStatement max = c.prepareStatement(
                    "select coalesce(max(version), 0) from received_version where stream = ?")) {
                max.setString(1, stream);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    latest = rs.getInt(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into received_version (stream, version, event_id, published_at, received_at)
                    values (?, ?, ?, ?, ?) on conflict (stream, version) do nothing""")) {
                insert.setString(1, stream);
                insert.setInt(2, version);
                insert.setObject(3, event.id());
                insert.setTimestamp(4, Timestamp.from(publishedAt));
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            return version > latest;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record version " + version + " of " + stream, e);
        }
    }
}
