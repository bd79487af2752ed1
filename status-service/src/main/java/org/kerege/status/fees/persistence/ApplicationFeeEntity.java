package org.kerege.status.fees.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An application's fee as payments-service announced it. */
@Entity
@Table(name = "application_fee")
public class ApplicationFeeEntity extends PanacheEntityBase {

    public enum Status { DUE, CANCELLED, PAID }

    @Id
    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "payment_code", nullable = false)
    public String paymentCode;

    @Column(name = "application_ref")
    public String applicationRef;

    @Column(name = "fee_code", nullable = false)
    public String feeCode;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "times_applied", nullable = false)
    public int timesApplied;

    public static List<ApplicationFeeEntity> ofApplication(String applicationRef) {
        return list("applicationRef = ?1 order by issuedAt", applicationRef);
    }
}
