package org.kerege.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.kerege.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} records (table {@code idempotency_key}), scoped by caller and operation.
 * A service that uses it creates the table in its own schema with this DDL (payments-service V1,
 * appointments-service V2):
 * <pre>
 * create table idempotency_key (caller text not null, operation text not null,
 *     idempotency_key varchar(255) not null, request_hash varchar(64) not null, request jsonb not null,
 *     response_status integer, response_body text, resource_id uuid, created_at timestamptz not null,
 *     primary key (caller, operation, idempotency_key));
 * </pre>
 * Used inside the transaction of the request it protects:
 * <ol>
 *   <li>{@link #claim} inserts the key with the request's fingerprint. A concurrent request with the
 *       same key waits on the primary key until the first commits, then finds its stored response.</li>
 *   <li>the operation runs;</li>
 *   <li>{@link #complete} stores the response, committed together with the operation's effects.</li>
 * </ol>
 * When the operation fails, the transaction rolls back and the key is free again.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Longest key accepted. */
    public static final int MAX_KEY_LENGTH = 255;

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public IdempotencyStore(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The response stored for a key, replayed as it was sent.
     *
     * @param status     HTTP status of the first response
     * @param body       its body, as text
     * @param resourceId the resource it created, if any
     */
    public record Replay(int status, String body, UUID resourceId) {
    }

    /** Whether a key is acceptable: 1 to 255 visible ASCII characters. */
    public static boolean isWellFormed(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** SHA-256 (hex) of a canonical request text. */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims a key for this request.
     *
     * @return empty when the key is new (this request owns it now); otherwise the response of the request
     *         that used it first, to replay
     * @throws ProblemException 409 {@code idempotency-key-reused} when the key came with another request;
     *                          409 {@code idempotency-key-in-progress} when its first request has not finished
     */
    public Optional<Replay> claim(String caller, String operation, String key, String canonicalRequest) {
        String fingerprint = fingerprint(canonicalRequest);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into idempotency_key (caller, operation, idempotency_key, request_hash, request, created_at)
                    values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict do nothing""")) {
                ps.setString(1, caller);
                ps.setString(2, operation);
                ps.setString(3, key);
                ps.setString(4, fingerprint);
                ps.setString(5, canonicalRequest);
                ps.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                if (ps.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select request_hash, response_status, response_body, resource_id from idempotency_key
                    where caller = ? and operation = ? and idempotency_key = ?""")) {
                ps.setString(1, caller);
                ps.setString(2, operation);
                ps.setString(3, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("idempotency key vanished");
                    }
                    if (!fingerprint.equals(rs.getString(1))) {
                        throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key already used",
                                "This Idempotency-Key was used with a different request; use a new key for a new request.");
                    }
                    int status = rs.getInt(2);
                    if (rs.wasNull()) {
                        throw ProblemException.conflict("idempotency-key-in-progress", "Request in progress",
                                "A request with this Idempotency-Key has not finished; retry later.");
                    }
                    return Optional.of(new Replay(status, rs.getString(3), rs.getObject(4, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    /** Stores the response of the request that claimed the key. */
    public void complete(String caller, String operation, String key, int status, String body, UUID resourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update idempotency_key set response_status = ?, response_body = ?, resource_id = ?
                     where caller = ? and operation = ? and idempotency_key = ?""")) {
            ps.setInt(1, status);
            ps.setString(2, body);
            ps.setObject(3, resourceId);
            ps.setString(4, caller);
            ps.setString(5, operation);
            ps.setString(6, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not complete an idempotency key", e);
        }
    }
}
