package org.kerege.appointments.catalog.persistence;

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
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.catalog.domain.ServicePolicy;

@Entity
@Table(name = "service_policy")
public class ServicePolicyEntity extends PanacheEntityBase {

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

    @Enumerated(EnumType.STRING)
    @Column(name = "booking_policy", nullable = false)
    public BookingPolicy bookingPolicy;

    @Column(name = "min_service_minutes")
    public Integer minServiceMinutes;

    @Column(name = "max_service_minutes")
    public Integer maxServiceMinutes;

    @Column(name = "catalog_version", nullable = false)
    public int catalogVersion;

    public ServicePolicy toDomain() {
        return new ServicePolicy(serviceCode, country, titleEn, effectiveFrom, effectiveTo, bookingPolicy,
                minServiceMinutes, maxServiceMinutes, catalogVersion);
    }

    public static List<ServicePolicy> ofService(String code) {
        return ServicePolicyEntity.<ServicePolicyEntity>list("serviceCode", code).stream()
                .map(ServicePolicyEntity::toDomain).toList();
    }

    public static List<ServicePolicy> all() {
        return ServicePolicyEntity.<ServicePolicyEntity>listAll().stream().map(ServicePolicyEntity::toDomain).toList();
    }
}
