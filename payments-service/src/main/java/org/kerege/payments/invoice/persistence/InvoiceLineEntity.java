package org.kerege.payments.invoice.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.invoice.domain.InvoiceLine;

/** Table {@code invoice_line}. */
@Entity
@Table(name = "invoice_line")
@IdClass(InvoiceLineEntity.Key.class)
public class InvoiceLineEntity {

    @Id
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Id
    @Column(name = "line_no", nullable = false)
    public short lineNo;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String account;

    @Column(nullable = false)
    public String beneficiary;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    InvoiceLine toDomain(String currency) {
        return new InvoiceLine(lineId, description, account, beneficiary, Money.ofMinor(amountMinor, currency));
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID invoiceId;
        public short lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(invoiceId, k.invoiceId) && lineNo == k.lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoiceId, lineNo);
        }
    }
}
