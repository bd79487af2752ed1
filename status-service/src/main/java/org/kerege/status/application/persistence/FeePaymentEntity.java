package org.kerege.status.application.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invoice whose payment was applied to an application: applied once, whatever arrives later. */
@Entity
@Table(name = "fee_payment")
public class FeePaymentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(nullable = false)
    public String number;
    @Column(name = "payment_id", nullable = false)
    public String paymentId;
    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
