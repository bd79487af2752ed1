package org.kerege.status.application.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kerege.status.application.domain.Delivery;
import org.kerege.status.application.lookup.PublicViewChanges;

@Entity
@EntityListeners(PublicViewChanges.class)
@Table(name = "application")
public class ApplicationEntity extends PanacheEntityBase {

    @Id
    public String number;
    @Column(name = "service_code", nullable = false)
    public String serviceCode;
    @Column(nullable = false)
    public String kind;
    @Column(name = "office_id", nullable = false)
    public String officeId;
    @Column(nullable = false)
    public String country;
    @Column(nullable = false)
    public String zone;
    @Column(nullable = false)
    public String state;
    @Column(name = "applicant_id", nullable = false)
    public String applicantId;
    @Column(name = "applicant_name", nullable = false)
    public String applicantName;
    @Column(name = "applicant_language", nullable = false)
    public String applicantLanguage;
    @Column(name = "applicant_phone")
    public String applicantPhone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> documents;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> facts;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Delivery delivery;
    @Column(name = "delivery_address")
    public String deliveryAddress;
    @Column(name = "delivery_phone")
    public String deliveryPhone;
    @Column(name = "booking_id")
    public String bookingId;
    @Column(name = "officer_subject", nullable = false)
    public String officerSubject;
    @Column(name = "officer_name", nullable = false)
    public String officerName;
    @Column(name = "officer_position", nullable = false)
    public String officerPosition;
    @Column(name = "access_code_hash", nullable = false)
    public byte[] accessCodeHash;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
