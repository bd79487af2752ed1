package org.kerege.status.application.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kerege.status.application.domain.ClockType;
import org.kerege.status.application.lookup.PublicViewChanges;

@Entity
@EntityListeners(PublicViewChanges.class)
@Table(name = "deadline")
public class DeadlineEntity extends PanacheEntityBase {

    public enum Status { RUNNING, MET, LATE, INFO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String number;
    @Column(nullable = false)
    public String clock;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(nullable = false)
    public String basis;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "office_id", nullable = false)
    public String officeId;
    @Column(name = "service_code", nullable = false)
    public String serviceCode;
    @Column(nullable = false)
    public String zone;
    @Column(name = "approaching_raised_at")
    public Instant approachingRaisedAt;
    @Column(name = "breached_raised_at")
    public Instant breachedRaisedAt;

    public static List<DeadlineEntity> of(String number) {
        return list("number = ?1 order by id", number);
    }

    public static List<DeadlineEntity> running(String number) {
        return list("number = ?1 and status = ?2", number, Status.RUNNING);
    }
}
