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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kerege.payments.webhook.domain.SecretSealer;

/**
 * Tables {@code webhook} and {@code webhook_delivery}. Call inside a transaction.
 *
 * <p>The signing secrets are sealed at rest ({@link SecretSealer}: columns {@code secret} and
 * {@code previous_secret} hold {@code v1:<keyId>:<base64>}): sealed here on insert and rotation, opened here
 * on read, so callers see plaintext in memory only.
 */
@ApplicationScoped
public class WebhookStore {

    private final AgroalDataSource dataSource;
    private final SecretSealer sealer;

    public WebhookStore(AgroalDataSource dataSource, SecretSealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    /**
     * A subscription. {@code secret} and {@code previousSecret} are plaintext, opened from their sealed columns;
     * null in the hooks of {@link #subscribedTo(String)}, which need no secret.
     */
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
            ps.setString(7, sealer.seal(h.secret()));
            ps.setObject(8, utc(h.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a webhook", e);
        }
    }

    /** @throws SecretSealer.UnsealException if a stored secret cannot be opened with this instance's key */
    public Optional<Hook> find(UUID id, boolean forUpdate) {
        return hooks("where id = ?" + (forUpdate ? " for update" : ""), ps -> ps.setObject(1, id), true).stream().findFirst();
    }

    /** A subscription without its secrets (null): for reads that do not sign. */
    public Optional<Hook> findWithoutSecrets(UUID id) {
        return hooks("where id = ?", ps -> ps.setObject(1, id), false).stream().findFirst();
    }

    /** The subscriptions to an event, without their secrets (null): enqueueing needs none. */
    public List<Hook> subscribedTo(String event) {
        return hooks("where ? = any(events)", ps -> ps.setString(1, event), false);
    }

    /** Stores the plaintext secrets sealed (each with a new IV). */
    public void rotate(UUID id, String newSecret, String previous, Instant previousValidUntil) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update webhook set secret = ?, previous_secret = ?, previous_valid_until = ? where id = ?")) {
            ps.setString(1, sealer.seal(newSecret));
            ps.setString(2, previous == null ? null : sealer.seal(previous));
            ps.setObject(3, utc(previousValidUntil));
            ps.setObject(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seals the plaintext secrets of rows written before sealing existed. The rows are locked ({@code for update}):
     * a second instance doing the same waits, then finds them sealed and skips them.
     *
     * @return how many rows were sealed
     */
    public int sealLegacySecrets() {
        int sealed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select id, secret, previous_secret from webhook
                     where secret not like 'v1:%' or previous_secret not like 'v1:%' for update""");
             PreparedStatement update = c.prepareStatement(
                     "update webhook set secret = ?, previous_secret = ? where id = ?")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String secret = rs.getString(2);
                    String previous = rs.getString(3);
                    update.setString(1, SecretSealer.isSealed(secret) ? secret : sealer.seal(secret));
                    update.setString(2, previous == null || SecretSealer.isSealed(previous) ? previous : sealer.seal(previous));
                    update.setObject(3, rs.getObject(1, UUID.class));
                    sealed += update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seal legacy webhook secrets", e);
        }
        return sealed;
    }

    /** @return the ids of the keys other than this instance's that sealed stored secrets, with how many each */
    public Map<String, Long> sealedWithOtherKeys() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select key_id, count(*) from (
                    select split_part(secret, ':', 2) as key_id from webhook where secret like 'v1:%'
                    union all
                    select split_part(previous_secret, ':', 2) from webhook where previous_secret like 'v1:%') sealed
                where key_id <> ? group by key_id order by key_id""")) {
            ps.setString(1, sealer.keyId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the keys of webhook secrets", e);
        }
        return out;
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

    private List<Hook> hooks(String where, Binder binder, boolean withSecrets) {
        List<Hook> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, owner_role, owner, bank, url, events, secret, previous_secret, previous_valid_until, created_at "
                        + "from webhook " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array events = rs.getArray(6);
                    out.add(new Hook(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Arrays.asList((String[]) events.getArray()),
                            withSecrets ? sealer.open(rs.getString(7)) : null,
                            withSecrets ? sealer.open(rs.getString(8)) : null, instant(rs, 9), instant(rs, 10)));
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
