package org.kerege.payments.reconciliation.api;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kerege.payments.fee.persistence.Fees;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceLine;
import org.kerege.payments.invoice.persistence.InvoiceStore;
import org.kerege.payments.payment.persistence.PaymentStore;
import org.kerege.payments.reconciliation.domain.Reconciler;
import org.kerege.payments.reconciliation.domain.StatementCsv;

/**
 * Daily reconciliation. "The day" of a payment is its local date in the time zone of the fee's country
 * (schedules.json {@code zones}: Asia/Ulaanbaatar for MN, Asia/Bishkek for KG, …) — a bank's statement of
 * 2026-11-21 is compared with our payments of that bank paid on 2026-11-21 in their own country's zone.
 */
@ApplicationScoped
public class Reconciliation {

    private final AgroalDataSource dataSource;
    private final PaymentStore payments;
    private final InvoiceStore invoices;
    private final Fees fees;
    private final Clock clock;

    public Reconciliation(AgroalDataSource dataSource, PaymentStore payments, InvoiceStore invoices, Fees fees, Clock clock) {
        this.dataSource = dataSource;
        this.payments = payments;
        this.invoices = invoices;
        this.fees = fees;
        this.clock = clock;
    }

    /** One of our transfers: a payment's invoice line. */
    public record OurLine(LocalDate date, String paymentCode, String account, String beneficiary, long amountMinor,
                          String currency, String bank, String bankReference, UUID paymentId, ZoneId zone) {
    }

    @Transactional
    public UUID store(String bank, StatementCsv.Statement s, String by) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into bank_statement (id, bank, statement_date, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, bank);
                ps.setObject(3, s.date());
                ps.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(5, by);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into bank_statement_line (statement_id, line_no, payment_code, account, amount_minor, currency,
                                                     bank_reference) values (?, ?, ?, ?, ?, ?, ?)""")) {
                int no = 0;
                for (Reconciler.Line l : s.lines()) {
                    ps.setObject(1, id);
                    ps.setInt(2, ++no);
                    ps.setString(3, l.paymentCode());
                    ps.setString(4, l.account());
                    ps.setLong(5, l.amountMinor());
                    ps.setString(6, l.currency());
                    ps.setObject(7, l.reference(), Types.VARCHAR);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a statement", e);
        }
        return id;
    }

    /** The latest statement of a bank and day: its id and lines. */
    @Transactional
    public Optional<StoredStatement> statement(String bank, LocalDate date) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id from bank_statement where bank = ? and statement_date = ? order by uploaded_at desc limit 1""")) {
            ps.setString(1, bank);
            ps.setObject(2, date);
            UUID id;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getObject(1, UUID.class);
            }
            List<Reconciler.Line> lines = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select payment_code, account, amount_minor, currency, bank_reference from bank_statement_line
                    where statement_id = ? order by line_no""")) {
                q.setObject(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new Reconciler.Line(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return Optional.of(new StoredStatement(id, lines));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredStatement(UUID id, List<Reconciler.Line> lines) {
    }

    /** Our transfers of a day: of one bank, or to one beneficiary account (the other null). */
    @Transactional
    public List<OurLine> ours(String bank, String account, LocalDate date) {
        // every zone is within UTC-12..UTC+14: read a wide window and keep the payments of that local date
        Instant from = date.atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
        List<OurLine> out = new ArrayList<>();
        for (PaymentStore.PaymentRow p : payments.paidBetween(bank, from, to)) {
            Invoice invoice = invoices.find(p.invoiceId()).orElseThrow();
            ZoneId zone = fees.schedules().zoneOf(invoice.feeCode());
            if (!p.paidAt().atZone(zone).toLocalDate().equals(date)) {
                continue;
            }
            for (InvoiceLine l : invoice.lines()) {
                if (account == null || account.equals(l.account())) {
                    out.add(new OurLine(date, p.paymentCode(), l.account(), l.beneficiary(), l.amount().minor(),
                            l.amount().currencyCode(), p.bank(), p.bankReference(), p.id(), zone));
                }
            }
        }
        return out;
    }

    public static List<Reconciler.Line> asLines(List<OurLine> ours) {
        return ours.stream().map(o -> new Reconciler.Line(o.paymentCode(), o.account(), o.amountMinor(), o.currency(),
                o.bankReference())).toList();
    }
}
