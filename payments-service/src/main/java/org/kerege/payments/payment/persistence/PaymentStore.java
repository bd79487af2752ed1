package org.kerege.payments.payment.persistence;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments, refunds and invoice status changes made by them, in plain SQL. Call inside a transaction. */
@ApplicationScoped
public class PaymentStore {

    private final AgroalDataSource dataSource;

    public PaymentStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A stored payment.
     */
    public record PaymentRow(UUID id, UUID invoiceId, String paymentCode, String bank, String bankReference,
                             long amountMinor, String currency, Instant paidAt, long refundedMinor) {
    }

    /** An invoice the expiry job marked EXPIRED. */
    public record Expired(UUID id, String paymentCode, String applicationRef, String feeCode, Instant expiresAt) {
    }

    /** Where the payer of an invoice is told about it, if anywhere. */
    public record NotifyTarget(String recipient, String language) {
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /**
     * ISSUED → PAID, only if still ISSUED and not expired at {@code now}. The row lock of the update makes
     * concurrent payments of one invoice wait for each other; the losers find it PAID and change nothing.
     *
     * @return true when this call made the change
     */
    public boolean markPaid(UUID invoiceId, Instant now) {
        return update("""
                update invoice set status = 'PAID', paid_at = ? where id = ? and status = 'ISSUED' and expires_at > ?""",
                ps -> {
                    ps.setObject(1, utc(now));
                    ps.setObject(2, invoiceId);
                    ps.setObject(3, utc(now));
                }) == 1;
    }

    public void insertPayment(PaymentRow p, String idempotencyKey) {
        update("""
                insert into payment (id, invoice_id, payment_code, bank, bank_reference, amount_minor, currency, paid_at,
                                     idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, p.id());
            ps.setObject(2, p.invoiceId());
            ps.setString(3, p.paymentCode());
            ps.setString(4, p.bank());
            ps.setObject(5, p.bankReference(), Types.VARCHAR);
            ps.setLong(6, p.amountMinor());
            ps.setString(7, p.currency());
            ps.setObject(8, utc(p.paidAt()));
            ps.setObject(9, idempotencyKey, Types.VARCHAR);
        });
    }

    public Optional<PaymentRow> find(UUID id, boolean forUpdate) {
        return query("select id, invoice_id, payment_code, bank, bank_reference, amount_minor, currency, paid_at, "
                + "refunded_minor from payment where id = ?" + (forUpdate ? " for update" : ""),
                ps -> ps.setObject(1, id)).stream().findFirst();
    }

    public Optional<PaymentRow> findByInvoice(UUID invoiceId) {
        return query("select id, invoice_id, payment_code, bank, bank_reference, amount_minor, currency, paid_at, "
                + "refunded_minor from payment where invoice_id = ?", ps -> ps.setObject(1, invoiceId)).stream().findFirst();
    }

    /** Payments of a bank (or of every bank when null) recorded in [from, to). */
    public List<PaymentRow> paidBetween(String bank, Instant from, Instant to) {
        return query("select id, invoice_id, payment_code, bank, bank_reference, amount_minor, currency, paid_at, "
                + "refunded_minor from payment where (cast(? as text) is null or bank = ?) and paid_at >= ? and paid_at < ? "
                + "order by paid_at, id", ps -> {
            ps.setString(1, bank);
            ps.setString(2, bank);
            ps.setObject(3, utc(from));
            ps.setObject(4, utc(to));
        });
    }

    /** Records a refund; when it completes the payment, PAID → REFUNDED. */
    public void insertRefund(UUID refundId, UUID paymentId, UUID invoiceId, long amountMinor, String reason,
                             Instant at, String by, boolean full) {
        update("insert into refund (id, payment_id, amount_minor, reason, refunded_at, refunded_by) values (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, refundId);
                    ps.setObject(2, paymentId);
                    ps.setLong(3, amountMinor);
                    ps.setString(4, reason);
                    ps.setObject(5, utc(at));
                    ps.setString(6, by);
                });
        update("update payment set refunded_minor = refunded_minor + ? where id = ?", ps -> {
            ps.setLong(1, amountMinor);
            ps.setObject(2, paymentId);
        });
        if (full) {
            update("update invoice set status = 'REFUNDED', refunded_at = ? where id = ? and status = 'PAID'", ps -> {
                ps.setObject(1, utc(at));
                ps.setObject(2, invoiceId);
            });
        }
    }

    /**
     * Marks up to {@code limit} unpaid invoices past their expiry EXPIRED. Rows another instance is
     * expiring right now are skipped ({@code for update skip locked}), so several instances never
     * expire (and announce) one invoice twice.
     */
    public List<Expired> expireDue(Instant now, int limit) {
        List<Expired> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     with due as (
                         select id from invoice where status = 'ISSUED' and expires_at <= ?
                         order by expires_at limit ? for update skip locked)
                     update invoice i set status = 'EXPIRED', expired_at = ? from due where i.id = due.id
                     returning i.id, i.payment_code, i.application_ref, i.fee_code, i.expires_at""")) {
            ps.setObject(1, utc(now));
            ps.setInt(2, limit);
            ps.setObject(3, utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Expired(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire invoices", e);
        }
        return out;
    }

    public void setNotifyTarget(UUID invoiceId, String recipient, String language) {
        update("update invoice set notify_recipient = ?, notify_language = ? where id = ?", ps -> {
            ps.setString(1, recipient);
            ps.setString(2, language);
            ps.setObject(3, invoiceId);
        });
    }

    public Optional<NotifyTarget> notifyTarget(UUID invoiceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select notify_recipient, notify_language from invoice where id = ? and notify_recipient is not null")) {
            ps.setObject(1, invoiceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NotifyTarget(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice's status as committed now (bypassing any cached entity). */
    public Optional<String> statusOf(UUID invoiceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select status from invoice where id = ?")) {
            ps.setObject(1, invoiceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice id of a payment code, if any. */
    public Optional<UUID> invoiceIdByCode(String paymentCode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from invoice where payment_code = ?")) {
            ps.setString(1, paymentCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write: " + e.getMessage(), e);
        }
    }

    private List<PaymentRow> query(String sql, Binder binder) {
        List<PaymentRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PaymentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read payments", e);
        }
        return rows;
    }
}
