package org.kerege.signature.certificate.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.RevocationReason;
import org.kerege.signature.ca.domain.RevocationStatus;
import org.kerege.signature.ca.domain.RevokedEntry;

/** Issued certificates (public data only) and their revocation. */
@ApplicationScoped
public class CertificateStore {

    /** A stored certificate. */
    public record Row(String serial, UUID applicationId, String holderType, String maskedIdentifier, String keyAlgorithm,
                      String pem, Instant notBefore, Instant notAfter, Instant issuedAt, Instant revokedAt,
                      RevocationReason reason, String revokedBy, String supersededBy) {
    }

    private static final String COLUMNS = "serial, application_id, holder_type, masked_identifier, key_algorithm, pem, "
            + "not_before, not_after, issued_at, revoked_at, revocation_reason, revoked_by, superseded_by";

    private final AgroalDataSource dataSource;

    public CertificateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Row r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into certificate (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.serial());
            ps.setObject(2, r.applicationId());
            ps.setString(3, r.holderType());
            ps.setString(4, r.maskedIdentifier());
            ps.setString(5, r.keyAlgorithm());
            ps.setString(6, r.pem());
            ps.setObject(7, ts(r.notBefore()));
            ps.setObject(8, ts(r.notAfter()));
            ps.setObject(9, ts(r.issuedAt()));
            ps.setObject(10, ts(r.revokedAt()));
            ps.setString(11, r.reason() == null ? null : r.reason().name());
            ps.setString(12, r.revokedBy());
            ps.setString(13, r.supersededBy());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store certificate " + r.serial(), e);
        }
    }

    public Optional<Row> find(String serial, boolean forUpdate) {
        List<Row> rows = query("select " + COLUMNS + " from certificate where serial = ?" + (forUpdate ? " for update" : ""),
                serial);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** @return false when it was already revoked */
    public boolean revoke(String serial, Instant at, RevocationReason reason, String by, String supersededBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update certificate set revoked_at = ?, revocation_reason = ?, revoked_by = ?, superseded_by = ?
                where serial = ? and revoked_at is null""")) {
            ps.setObject(1, ts(at));
            ps.setString(2, reason.name());
            ps.setString(3, by);
            ps.setString(4, supersededBy);
            ps.setString(5, serial);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke certificate " + serial, e);
        }
    }

    /** Revoked certificates not yet expired at {@code now}: the CRL's entries. */
    public List<RevokedEntry> revokedUnexpired(Instant now) {
        List<RevokedEntry> out = new ArrayList<>();
        for (Row r : query("select " + COLUMNS + " from certificate where revoked_at is not null and not_after > ? "
                + "order by revoked_at", ts(now))) {
            out.add(new RevokedEntry(new BigInteger(r.serial(), 16), r.revokedAt(), r.reason()));
        }
        return out;
    }

    /** Valid, unrevoked certificates whose end lies within {@code (now, until]}. */
    public List<Row> expiringBetween(Instant now, Instant until) {
        return query("select " + COLUMNS + " from certificate where revoked_at is null and not_after > ? and not_after <= ? "
                + "order by not_after limit 1000", ts(now), ts(until));
    }

    /** The CA's answer about a serial. */
    public RevocationStatus status(BigInteger serial) {
        Optional<Row> row = find(CertificateAuthority.hex(serial), false);
        if (row.isEmpty()) {
            return new RevocationStatus.Unknown();
        }
        Row r = row.get();
        return r.revokedAt() != null ? new RevocationStatus.Revoked(r.revokedAt(), r.reason())
                : new RevocationStatus.Good(r.notAfter());
    }

    public long nextCrlNumber() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select nextval('crl_number_seq')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot draw a CRL number", e);
        }
    }

    /** Records a reminder; false when this (serial, days) reminder was already raised (by any instance). */
    public boolean markReminder(String serial, int daysLeft, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into expiry_reminder (serial, days_left, sent_at) values (?, ?, ?)
                on conflict (serial, days_left) do nothing""")) {
            ps.setString(1, serial);
            ps.setInt(2, daysLeft);
            ps.setObject(3, ts(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a reminder", e);
        }
    }

    private List<Row> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString("revocation_reason");
                    out.add(new Row(rs.getString("serial"), rs.getObject("application_id", UUID.class),
                            rs.getString("holder_type"), rs.getString("masked_identifier"), rs.getString("key_algorithm"),
                            rs.getString("pem"), instant(rs, "not_before"), instant(rs, "not_after"),
                            instant(rs, "issued_at"), instant(rs, "revoked_at"),
                            reason == null ? null : RevocationReason.valueOf(reason), rs.getString("revoked_by"),
                            rs.getString("superseded_by")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read certificates", e);
        }
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
