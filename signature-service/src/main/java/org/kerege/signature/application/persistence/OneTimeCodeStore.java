package org.kerege.signature.application.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.kerege.signature.application.domain.OneTimeCodes;

/** The hashed one-time codes; one row per (purpose, subject). Call inside a transaction. */
@ApplicationScoped
public class OneTimeCodeStore {

    private final AgroalDataSource dataSource;

    public OneTimeCodeStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads and locks the row, so concurrent checks of one code are serialised. */
    public Optional<OneTimeCodes.State> find(String purpose, String subject) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select salt, code_hash, expires_at, failed_attempts, used, last_sent_at, window_start, sends_in_window
                from one_time_code where purpose = ? and subject = ? for update""")) {
            ps.setString(1, purpose);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OneTimeCodes.State(rs.getBytes(1), rs.getBytes(2),
                        KeyApplicationStore.instant(rs, "expires_at"), rs.getInt(4), rs.getBoolean(5),
                        KeyApplicationStore.instant(rs, "last_sent_at"), KeyApplicationStore.instant(rs, "window_start"),
                        rs.getInt(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a one-time code", e);
        }
    }

    public void save(String purpose, String subject, OneTimeCodes.State s) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into one_time_code (purpose, subject, salt, code_hash, expires_at, failed_attempts, used,
                                           last_sent_at, window_start, sends_in_window)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (purpose, subject) do update set salt = excluded.salt, code_hash = excluded.code_hash,
                    expires_at = excluded.expires_at, failed_attempts = excluded.failed_attempts, used = excluded.used,
                    last_sent_at = excluded.last_sent_at, window_start = excluded.window_start,
                    sends_in_window = excluded.sends_in_window""")) {
            ps.setString(1, purpose);
            ps.setString(2, subject);
            ps.setBytes(3, s.salt());
            ps.setBytes(4, s.hash());
            ps.setObject(5, KeyApplicationStore.ts(s.expiresAt()));
            ps.setInt(6, s.failedAttempts());
            ps.setBoolean(7, s.used());
            ps.setObject(8, KeyApplicationStore.ts(s.lastSentAt()));
            ps.setObject(9, KeyApplicationStore.ts(s.windowStart()));
            ps.setInt(10, s.sendsInWindow());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a one-time code", e);
        }
    }
}
