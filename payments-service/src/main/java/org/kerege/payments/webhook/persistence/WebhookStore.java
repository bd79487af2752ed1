package org.kerege.payments.webhook.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tables {@code webhook} and {@code webhook_delivery}. Call inside a transaction. */
@ApplicationScoped
public class WebhookStore {

    private final AgroalDataSource dataSource;

    public WebhookStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Hook(UUID id, String ownerRole, String owner, String bank, String url, List<String> events,
                       String secret, String previousSecret, Instant previousValidUntil, Instant createdAt) {
    }

    public record Delivery(UUID id, UUID webhookId, UUID eventId, String eventType, String body, String status,
                           int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                           Instant deliveredAt) {
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public void insert(Hook h) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into webhook (id, owner_role, owner, bank, url, events, secret, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, h.id());
            ps.setString(2, h.ownerRole());
            ps.setString(3, h.owner());
            ps.setObject(4, h.bank(), Types.VARCHAR);
            ps.setString(5, h.url());
            ps.setArray(6, c.createArrayOf("text", h.events().toArray()));
            ps.setString(7, h.secret());
            ps.setObject(8, utc(h.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a webhook", e);
        }
    }

    public Optional<Hook> find(UUID id, boolean forUpdate) {
        return hooks("where id = ?" + (forUpdate ? " for update" : ""), ps -> ps.setObject(1, id)).stream().findFirst();
    }

    public List<Hook> subscribedTo(String event) {
        return hooks("where ? = any(events)", ps -> ps.setString(1, event));
    }

    public void rotate(UUID id, String newSecret, String previous, Instant previousValidUntil) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update webhook set secret = ?, previous_secret = ?, previous_valid_until = ? where id = ?")) {
            ps.setString(1, newSecret);
            ps.setString(2, previous);
            ps.setObject(3, utc(previousValidUntil));
            ps.setObject(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void enqueue(UUID webhookId, UUID eventId, String eventType, String body, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into webhook_delivery (id, webhook_id, event_id, event_type, body, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict do nothing""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, webhookId);
            ps.setObject(3, eventId);
            ps.setString(4, eventType);
            ps.setString(5, body);
            ps.setObject(6, utc(now));
            ps.setObject(7, utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims due deliveries: pushes their next attempt {@code lease} ahead so that no other instance takes
     * them while this one sends ({@code for update skip locked}); a crash mid-send retries after the lease.
     */
    public List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        return deliveries("""
                with due as (select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?
                             order by next_attempt_at limit ? for update skip locked)
                update webhook_delivery d set next_attempt_at = ? from due where d.id = due.id
                returning d.id, d.webhook_id, d.event_id, d.event_type, d.body, d.status, d.attempts, d.next_attempt_at,
                          d.last_status, d.last_error, d.created_at, d.delivered_at""", ps -> {
            ps.setObject(1, utc(now));
            ps.setInt(2, limit);
            ps.setObject(3, utc(leaseUntil));
        });
    }

    public void recordAttempt(UUID id, boolean delivered, boolean failedForGood, Integer httpStatus, String error,
                              Instant now, Instant next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update webhook_delivery set attempts = attempts + 1, last_status = ?, last_error = ?,
                    status = ?, delivered_at = ?, next_attempt_at = ? where id = ?""")) {
            ps.setObject(1, httpStatus, Types.INTEGER);
            ps.setObject(2, error == null ? null : error.substring(0, Math.min(500, error.length())), Types.VARCHAR);
            ps.setString(3, delivered ? "DELIVERED" : failedForGood ? "FAILED" : "PENDING");
            ps.setObject(4, delivered ? utc(now) : null);
            ps.setObject(5, utc(next));
            ps.setObject(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Delivery> deliveriesOf(UUID webhookId, int limit) {
        return deliveries("""
                select id, webhook_id, event_id, event_type, body, status, attempts, next_attempt_at, last_status,
                       last_error, created_at, delivered_at from webhook_delivery where webhook_id = ?
                order by created_at desc, id limit ?""", ps -> {
            ps.setObject(1, webhookId);
            ps.setInt(2, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Hook> hooks(String where, Binder binder) {
        List<Hook> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, owner_role, owner, bank, url, events, secret, previous_secret, previous_valid_until, created_at "
                        + "from webhook " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array events = rs.getArray(6);
                    out.add(new Hook(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Arrays.asList((String[]) events.getArray()), rs.getString(7), rs.getString(8),
                            instant(rs, 9), instant(rs, 10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read webhooks", e);
        }
        return out;
    }

    private List<Delivery> deliveries(String sql, Binder binder) {
        List<Delivery> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ls = rs.getInt(9);
                    Integer lastStatus = rs.wasNull() ? null : ls;
                    out.add(new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs, 8), lastStatus,
                            rs.getString(10), instant(rs, 11), instant(rs, 12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read deliveries", e);
        }
        return out;
    }
}
