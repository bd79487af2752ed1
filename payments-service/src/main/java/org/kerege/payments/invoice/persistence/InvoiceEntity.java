package org.kerege.payments.invoice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceStatus;

/** Table {@code invoice}. Rows are inserted by {@link InvoiceStore#insert} (SQL, for the code retry). */
@Entity
@Table(name = "invoice")
public class InvoiceEntity {

    @Id
    public UUID id;

    @Column(name = "payment_code", nullable = false, length = 9)
    public String paymentCode;

    @Column(name = "fee_code", nullable = false)
    public String feeCode;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> options;

    @Column(name = "priced_on", nullable = false)
    public LocalDate pricedOn;

    @Column(name = "application_ref", length = 64)
    public String applicationRef;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    public String office;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "invoice_id", insertable = false, updatable = false)
    @OrderBy("lineNo")
    public List<InvoiceLineEntity> lines = new ArrayList<>();

    public Invoice toDomain() {
        return new Invoice(id, paymentCode, feeCode, title, options, pricedOn, applicationRef,
                lines.stream().map(l -> l.toDomain(currency)).toList(), Money.ofMinor(totalMinor, currency), status,
                issuedAt.toInstant(), expiresAt.toInstant(), issuedBy, office,
                cancelledAt == null ? null : cancelledAt.toInstant(), cancelledBy, cancelReason);
    }
}
