package org.kerege.status.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_windows", nullable = false)
    public List<Term> reviewWindows;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result_validity", nullable = false)
    public List<Term> resultValidity;

    @Column(name = "fee_code")
    public String feeCode;

    @Column(name = "catalog_version", nullable = false)
    public int catalogVersion;

    public ReviewRule toDomain() {
        return new ReviewRule(serviceCode, country, titleEn, effectiveFrom, effectiveTo, reviewWindows, resultValidity,
                feeCode, catalogVersion);
    }

    public static List<ReviewRule> ofService(String code) {
        return ReviewRuleEntity.<ReviewRuleEntity>list("serviceCode", code).stream().map(ReviewRuleEntity::toDomain)
                .toList();
    }
}
