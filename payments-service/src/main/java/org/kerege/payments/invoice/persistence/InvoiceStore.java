package org.kerege.payments.invoice.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceLine;

/**
 * Invoices in the database. Must be called inside a transaction. An invoice is inserted with plain SQL
 * ({@code on conflict (payment_code) do nothing}) so that a payment-code collision is told to the caller,
 * which draws another code, without aborting the transaction.
 */
@ApplicationScoped
public class InvoiceStore {

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final ObjectMapper json;

    public InvoiceStore(AgroalDataSource dataSource, EntityManager em, ObjectMapper json) {
        this.dataSource = dataSource;
        this.em = em;
        this.json = json;
    }

    /**
     * Inserts an issued invoice and its lines.
     *
     * @return false when its payment code is taken (nothing was written)
     */
    public boolean insert(Invoice invoice) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into invoice (id, payment_code, fee_code, title, options, priced_on, application_ref, currency,
                                         total_minor, status, issued_at, expires_at, issued_by, office)
                    values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (payment_code) do nothing""")) {
                ps.setObject(1, invoice.id());
                ps.setString(2, invoice.paymentCode());
                ps.setString(3, invoice.feeCode());
                ps.setString(4, invoice.title());
                ps.setString(5, json.writeValueAsString(invoice.options()));
                ps.setObject(6, invoice.pricedOn());
                ps.setObject(7, invoice.applicationRef(), Types.VARCHAR);
                ps.setString(8, invoice.total().currencyCode());
                ps.setLong(9, invoice.total().minor());
                ps.setString(10, invoice.status().name());
                ps.setObject(11, OffsetDateTime.ofInstant(invoice.issuedAt(), ZoneOffset.UTC));
                ps.setObject(12, OffsetDateTime.ofInstant(invoice.expiresAt(), ZoneOffset.UTC));
                ps.setString(13, invoice.issuedBy());
                ps.setObject(14, invoice.office(), Types.VARCHAR);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into invoice_line (invoice_id, line_no, line_id, description, account, beneficiary, amount_minor)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                short no = 0;
                for (InvoiceLine line : invoice.lines()) {
                    ps.setObject(1, invoice.id());
                    ps.setShort(2, ++no);
                    ps.setString(3, line.lineId());
                    ps.setString(4, line.description());
                    ps.setString(5, line.account());
                    ps.setString(6, line.beneficiary());
                    ps.setLong(7, line.amount().minor());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store invoice " + invoice.id(), e);
        }
    }

    public Optional<Invoice> find(UUID id) {
        return Optional.ofNullable(em.find(InvoiceEntity.class, id)).map(InvoiceEntity::toDomain);
    }

    /** The invoice, locked until the transaction ends (for a transition). */
    public Optional<Invoice> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(InvoiceEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(InvoiceEntity::toDomain);
    }

    /** Writes a cancellation made by {@link Invoice#cancel}. */
    public void saveCancellation(Invoice invoice) {
        InvoiceEntity e = em.find(InvoiceEntity.class, invoice.id());
        e.status = invoice.status();
        e.cancelledAt = OffsetDateTime.ofInstant(invoice.cancelledAt(), ZoneOffset.UTC);
        e.cancelledBy = invoice.cancelledBy();
        e.cancelReason = invoice.cancelReason();
        em.flush();
    }
}
