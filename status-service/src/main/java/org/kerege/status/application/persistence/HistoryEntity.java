package org.kerege.status.application.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kerege.status.application.lookup.PublicViewChanges;

@Entity
@EntityListeners(PublicViewChanges.class)
@Table(name = "application_history")
public class HistoryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String number;
    @Column(nullable = false)
    public String event;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state", nullable = false)
    public String toState;
    @Column(name = "actor_role", nullable = false)
    public String actorRole;
    @Column(nullable = false)
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons;
    public String note;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static List<HistoryEntity> of(String number) {
        return list("number = ?1 order by id", number);
    }
}
