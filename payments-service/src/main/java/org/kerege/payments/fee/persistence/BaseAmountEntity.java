package org.kerege.payments.fee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.kerege.payments.fee.domain.BaseAmount;
import org.kerege.payments.fee.domain.Money;

/** A dated value of a base amount (table {@code base_amount}). */
@Entity
@Table(name = "base_amount")
@IdClass(BaseAmountEntity.Key.class)
public class BaseAmountEntity {

    @Id
    @Column(nullable = false)
    public String code;

    @Id
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "legal_source", nullable = false)
    public String legalSource;

    @Column(name = "from_source", nullable = false)
    public boolean fromSource;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public BaseAmount toDomain() {
        return new BaseAmount(code, effectiveFrom, Money.ofMinor(amountMinor, currency), legalSource, fromSource);
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public String code;
        public LocalDate effectiveFrom;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(code, k.code) && Objects.equals(effectiveFrom, k.effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, effectiveFrom);
        }
    }
}
