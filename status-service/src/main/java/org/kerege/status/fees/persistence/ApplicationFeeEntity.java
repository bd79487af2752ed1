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

/**
 * An application's fee as payments-service announced it: issued (DUE), then PAID, CANCELLED or EXPIRED, and a
 * PAID fee may be REFUNDED.
 *
 * <p>Refunds: {@link #refundedMinor} is payments-service's running total of what was paid back (not the last
 * refund's amount), so a second event about the same refund cannot count it twice; {@link #refundedAt} and
 * {@link #refundReason} describe the latest refund. Only when payments-service says the whole payment is refunded
 * does the fee become REFUNDED; a partial refund leaves it PAID with {@code refundedMinor < totalMinor}. A refund
 * never moves the application itself: what it means for the application (withdrawn, fee to be paid again, or
 * nothing) is the officer's decision.
 */
@Entity
@Table(name = "application_fee")
public class ApplicationFeeEntity extends PanacheEntityBase {

    public enum Status { DUE, CANCELLED, PAID, EXPIRED, REFUNDED }

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

    @Column(name = "expired_at")
    public Instant expiredAt;

    /** Everything refunded so far in minor units of {@link #refundCurrency}; null while nothing is refunded. */
    @Column(name = "refunded_minor")
    public Long refundedMinor;

    @Column(name = "refund_currency", length = 3)
    public String refundCurrency;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    @Column(name = "refund_reason")
    public String refundReason;

    @Column(name = "times_applied", nullable = false)
    public int timesApplied;

    public static List<ApplicationFeeEntity> ofApplication(String applicationRef) {
        return list("applicationRef = ?1 order by issuedAt", applicationRef);
    }
}
