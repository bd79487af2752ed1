package org.kerege.payments.fee.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.fee.domain.BaseAmount;
import org.kerege.payments.fee.domain.BaseAmountLookup;

/**
 * The dated values of base amounts (table {@code base_amount}), kept in memory: the table is tiny and
 * read on every quote of a percentage fee, so the request path does not query it. The copy is refreshed
 * after {@link PaymentsConfig.BaseAmounts#cacheTtl()} and at once after a value is added here.
 */
@ApplicationScoped
public class BaseAmountStore implements BaseAmountLookup {

    private final EntityManager em;
    private final Clock clock;
    private final long ttlNanos;
    private volatile List<BaseAmount> cached;
    private volatile long loadedAt;

    public BaseAmountStore(EntityManager em, Clock clock, PaymentsConfig config) {
        this.em = em;
        this.clock = clock;
        this.ttlNanos = config.baseAmounts().cacheTtl().toNanos();
    }

    @Override
    public Optional<BaseAmount> inForce(String code, LocalDate on) {
        return all().stream().filter(b -> b.code().equals(code) && !b.effectiveFrom().isAfter(on))
                .max(Comparator.comparing(BaseAmount::effectiveFrom));
    }

    /** Every value of a base amount, oldest first. */
    public List<BaseAmount> values(String code) {
        return all().stream().filter(b -> b.code().equals(code)).toList();
    }

    /**
     * Adds a dated value.
     *
     * @return false when the code already has a value from that day (values are never overwritten)
     */
    @Transactional
    public boolean add(BaseAmount value, String createdBy) {
        int inserted = em.createNativeQuery("""
                        insert into base_amount (code, effective_from, amount_minor, currency, legal_source, from_source,
                                                 created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (code, effective_from) do nothing""")
                .setParameter(1, value.code())
                .setParameter(2, value.effectiveFrom())
                .setParameter(3, value.amount().minor())
                .setParameter(4, value.amount().currencyCode())
                .setParameter(5, value.legalSource())
                .setParameter(6, value.fromSource())
                .setParameter(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(8, createdBy)
                .executeUpdate();
        cached = null;
        return inserted == 1;
    }

    private List<BaseAmount> all() {
        List<BaseAmount> copy = cached;
        if (copy == null || System.nanoTime() - loadedAt > ttlNanos) {
            copy = QuarkusTransaction.joiningExisting().call(() -> em
                    .createQuery("from BaseAmountEntity order by code, effectiveFrom", BaseAmountEntity.class)
                    .getResultList().stream().map(BaseAmountEntity::toDomain).toList());
            cached = copy;
            loadedAt = System.nanoTime();
        }
        return copy;
    }
}
