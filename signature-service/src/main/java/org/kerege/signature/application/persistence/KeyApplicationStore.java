package org.kerege.signature.application.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.kerege.signature.application.domain.KeyApplication;
import org.kerege.signature.application.domain.KeyApplicationStatus;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Channel;
import org.kerege.signature.identity.domain.Pinfl;
import org.kerege.signature.identity.domain.PhoneNumber;
import org.kerege.signature.identity.domain.Tin;

/** Key applications in the database (plain JDBC); writes and locking reads inside a transaction, a plain read may
 * run in auto-commit. Updates are optimistic (version). */
@ApplicationScoped
public class KeyApplicationStore {

    private static final String COLUMNS = """
            id, applicant_type, pinfl, tin, holder_name, organisation, phone, region, district, channel, status,
            submitted_by, submitted_role, office, submitted_at, phone_verified_at, invoice_id, payment_code,
            fee_total_minor, fee_currency, paid_at, payment_id, identity_checked_by, identity_checked_at, identity_note,
            certificate_serial, renewal_of, issued_at, version""";

    private final AgroalDataSource dataSource;

    public KeyApplicationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(KeyApplication a) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into key_application (" + COLUMNS + ") values ("
                     + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(ps, a);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert key application " + a.id, e);
        }
    }

    /** Writes every field; fails when someone else changed the row since it was read. */
    public void update(KeyApplication a) {
        StringBuilder sql = new StringBuilder("update key_application set ");
        String[] cols = COLUMNS.replace("\n", " ").split(",");
        for (int i = 1; i < cols.length; i++) {
            sql.append(cols[i].strip()).append(i == cols.length - 1 ? " = ? + 1" : " = ?, ");
        }
        sql.append(" where id = ? and version = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bindFrom(ps, a, 1, 2);
            ps.setObject(29, a.id);
            ps.setInt(30, a.version);
            if (ps.executeUpdate() != 1) {
                throw new ConcurrentChangeException(a.id);
            }
            a.version++;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update key application " + a.id, e);
        }
    }

    /** Someone else changed the application at the same moment. */
    public static class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(UUID id) {
            super("Key application " + id + " was changed concurrently", null, false, false);
        }
    }

    public Optional<KeyApplication> find(UUID id, boolean forUpdate) {
        return one("select " + COLUMNS + " from key_application where id = ?" + (forUpdate ? " for update" : ""), id);
    }

    public Optional<KeyApplication> findByInvoice(UUID invoiceId) {
        return one("select " + COLUMNS + " from key_application where invoice_id = ? for update", invoiceId);
    }

    private Optional<KeyApplication> one(String sql, UUID param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read key application", e);
        }
    }

    private static void bind(PreparedStatement ps, KeyApplication a) throws SQLException {
        ps.setObject(1, a.id);
        bindFrom(ps, a, 2, 1);
    }

    /** Binds columns 2..29 starting at parameter {@code start}; the version column gets {@code versionMode}. */
    private static void bindFrom(PreparedStatement ps, KeyApplication a, int start, int versionMode) throws SQLException {
        int i = start;
        ps.setString(i++, a.applicantType.name());
        ps.setString(i++, a.pinfl.value());
        ps.setObject(i++, a.tin == null ? null : a.tin.value(), Types.VARCHAR);
        ps.setString(i++, a.holderName);
        ps.setObject(i++, a.organisation, Types.VARCHAR);
        ps.setString(i++, a.phone.e164());
        ps.setString(i++, a.region);
        ps.setString(i++, a.district);
        ps.setString(i++, a.channel.name());
        ps.setString(i++, a.status.name());
        ps.setString(i++, a.submittedBy);
        ps.setString(i++, a.submittedRole);
        ps.setObject(i++, a.office, Types.VARCHAR);
        ps.setObject(i++, ts(a.submittedAt));
        ps.setObject(i++, ts(a.phoneVerifiedAt));
        ps.setObject(i++, a.invoiceId);
        ps.setObject(i++, a.paymentCode, Types.VARCHAR);
        ps.setObject(i++, a.feeTotalMinor, Types.BIGINT);
        ps.setObject(i++, a.feeCurrency, Types.VARCHAR);
        ps.setObject(i++, ts(a.paidAt));
        ps.setObject(i++, a.paymentId, Types.VARCHAR);
        ps.setObject(i++, a.identityCheckedBy, Types.VARCHAR);
        ps.setObject(i++, ts(a.identityCheckedAt));
        ps.setObject(i++, a.identityNote, Types.VARCHAR);
        ps.setObject(i++, a.certificateSerial, Types.VARCHAR);
        ps.setObject(i++, a.renewalOf, Types.VARCHAR);
        ps.setObject(i++, ts(a.issuedAt));
        ps.setInt(i, a.version);
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static KeyApplication read(ResultSet rs) throws SQLException {
        KeyApplication a = new KeyApplication();
        a.id = rs.getObject("id", UUID.class);
        a.applicantType = ApplicantType.valueOf(rs.getString("applicant_type"));
        a.pinfl = new Pinfl(rs.getString("pinfl"));
        String tin = rs.getString("tin");
        a.tin = tin == null ? null : new Tin(tin);
        a.holderName = rs.getString("holder_name");
        a.organisation = rs.getString("organisation");
        a.phone = new PhoneNumber(rs.getString("phone"));
        a.region = rs.getString("region");
        a.district = rs.getString("district");
        a.channel = Channel.valueOf(rs.getString("channel"));
        a.status = KeyApplicationStatus.valueOf(rs.getString("status"));
        a.submittedBy = rs.getString("submitted_by");
        a.submittedRole = rs.getString("submitted_role");
        a.office = rs.getString("office");
        a.submittedAt = instant(rs, "submitted_at");
        a.phoneVerifiedAt = instant(rs, "phone_verified_at");
        a.invoiceId = rs.getObject("invoice_id", UUID.class);
        a.paymentCode = rs.getString("payment_code");
        long fee = rs.getLong("fee_total_minor");
        a.feeTotalMinor = rs.wasNull() ? null : fee;
        a.feeCurrency = rs.getString("fee_currency");
        a.paidAt = instant(rs, "paid_at");
        a.paymentId = rs.getString("payment_id");
        a.identityCheckedBy = rs.getString("identity_checked_by");
        a.identityCheckedAt = instant(rs, "identity_checked_at");
        a.identityNote = rs.getString("identity_note");
        a.certificateSerial = rs.getString("certificate_serial");
        a.renewalOf = rs.getString("renewal_of");
        a.issuedAt = instant(rs, "issued_at");
        a.version = rs.getInt("version");
        return a;
    }
}
