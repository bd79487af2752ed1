package org.kerege.appointments.queue.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kerege.appointments.queue.domain.Ticket;
import org.kerege.appointments.queue.domain.TicketKind;
import org.kerege.appointments.queue.domain.TicketStatus;

/** Queue tickets (plain JDBC). */
@ApplicationScoped
public class TicketStore {

    /**
     * The next ticket for a counter, in {@link org.kerege.appointments.queue.domain.QueueOrder}'s order. SKIP
     * LOCKED: two counters calling at once (on any instance) never get the same ticket.
     */
    static final String NEXT_FOR_COUNTER = """
            select t.id from ticket t
            where t.office_id = ? and t.local_date = ? and t.status = 'WAITING' and t.service_code = any(?)
            order by case when t.kind = 'BOOKED' and t.due_at <= ? then 0 when ? and t.priority then 1 else 2 end,
              case when t.kind = 'BOOKED' and t.due_at <= ? then t.due_at end, t.issued_at, t.id::text
            limit 1 for update skip locked""";

    private static final String SELECT = """
            select t.id, t.office_id, o.zone, t.local_date, t.number, t.service_code, t.kind, t.priority, t.booking_id,
              t.status, t.issued_at, t.due_at, t.ahead_at_issue, t.called_at, t.counter_code, t.recalls, t.closed_at
            from ticket t join office o on o.id = t.office_id""";

    private final AgroalDataSource dataSource;

    public TicketStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The next number of a prefix at an office on a local day: 1, 2, 3 … (atomic across instances). */
    public int nextSequence(String officeId, LocalDate date, String prefix) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into ticket_sequence (office_id, local_date, prefix, last) values (?, ?, ?, 1)
                on conflict (office_id, local_date, prefix) do update set last = ticket_sequence.last + 1
                returning last""")) {
            ps.setString(1, officeId);
            ps.setDate(2, Date.valueOf(date));
            ps.setString(3, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not draw a ticket number", e);
        }
    }

    public int waitingOfService(String officeId, LocalDate date, String serviceCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from ticket where office_id = ? and local_date = ? and status = 'WAITING' and service_code = ?")) {
            ps.setString(1, officeId);
            ps.setDate(2, Date.valueOf(date));
            ps.setString(3, serviceCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the queue", e);
        }
    }

    public void insert(Ticket t) {
        update("""
                insert into ticket (id, office_id, local_date, number, service_code, kind, priority, booking_id, status,
                  issued_at, due_at, ahead_at_issue) values (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?)""",
                t.id(), t.officeId(), Date.valueOf(t.localDate()), t.number(), t.serviceCode(), t.kind().name(),
                t.priority(), t.bookingId(), ts(t.issuedAt()), ts(t.dueAt()), t.aheadAtIssue());
    }

    public Optional<UUID> nextFor(String officeId, LocalDate date, List<String> services, boolean priorityCounter,
                                  Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEXT_FOR_COUNTER)) {
            ps.setString(1, officeId);
            ps.setDate(2, Date.valueOf(date));
            ps.setArray(3, c.createArrayOf("text", services.toArray()));
            ps.setTimestamp(4, ts(now));
            ps.setBoolean(5, priorityCounter);
            ps.setTimestamp(6, ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not call the next ticket", e);
        }
    }

    public void call(UUID id, String counter, Instant now) {
        update("update ticket set status = 'CALLED', called_at = ?, counter_code = ? where id = ?", ts(now), counter, id);
    }

    public Optional<Ticket> lastCalledAt(String officeId, String counter) {
        return list(SELECT + " where t.office_id = ? and t.counter_code = ? and t.status = 'CALLED'"
                + " order by t.called_at desc limit 1 for update of t", officeId, counter).stream().findFirst();
    }

    public void recall(UUID id) {
        update("update ticket set recalls = recalls + 1 where id = ?", id);
    }

    public void close(UUID id, TicketStatus status, Instant now) {
        update("update ticket set status = ?, closed_at = ? where id = ?", status.name(), ts(now), id);
    }

    public Optional<Ticket> find(UUID id, boolean forUpdate) {
        return list(SELECT + " where t.id = ?" + (forUpdate ? " for update of t" : ""), id).stream().findFirst();
    }

    public List<Ticket> ofDay(String officeId, LocalDate date) {
        return list(SELECT + " where t.office_id = ? and t.local_date = ? order by t.issued_at", officeId, Date.valueOf(date));
    }

    private List<Ticket> list(String sql, Object... params) {
        List<Ticket> tickets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tickets.add(new Ticket(rs.getObject(1, UUID.class), rs.getString(2), ZoneId.of(rs.getString(3)),
                            rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), TicketKind.valueOf(rs.getString(7)),
                            rs.getBoolean(8), rs.getObject(9, UUID.class), TicketStatus.valueOf(rs.getString(10)),
                            inst(rs, 11), inst(rs, 12), rs.getInt(13), inst(rs, 14), rs.getString(15), rs.getInt(16),
                            inst(rs, 17)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read tickets", e);
        }
        return tickets;
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Ticket statement failed: " + e.getSQLState(), e);
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant inst(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
