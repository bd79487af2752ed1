package org.kerege.status.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import org.kerege.status.catalog.domain.ReviewRule;
import org.kerege.status.catalog.domain.Term;

@Entity
@Table(name = "review_rule")
public class ReviewRuleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    @Column(name = "review_amount")
    public Integer reviewAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_unit")
    public Term.Unit reviewUnit;

    @Column(name = "validity_amount")
    public Integer validityAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "validity_unit")
    public Term.Unit validityUnit;

    @Column(name = "fee_code", nullable = false)
    public String feeCode;

    @Column(name = "catalog_version", nullable = false)
    public int catalogVersion;

    public ReviewRule toDomain() {
        return new ReviewRule(serviceCode, country, titleEn, effectiveFrom, effectiveUntil,
                reviewAmount == null ? null : new Term(reviewAmount, reviewUnit),
                validityAmount == null ? null : new Term(validityAmount, validityUnit), feeCode, catalogVersion);
    }

    public static List<ReviewRule> ofService(String code) {
        return ReviewRuleEntity.<ReviewRuleEntity>list("serviceCode", code).stream().map(ReviewRuleEntity::toDomain)
                .toList();
    }
}
