package org.kerege.appointments.booking.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kerege.appointments.booking.domain.Booking;
import org.kerege.appointments.booking.domain.BookingStatus;

/**
 * Bookings and the places they take (plain JDBC). The statements of the booking path are public
 * constants so that bench/appointments runs exactly them in pgbench.
 *
 * <p>Lock order, to stay free of deadlocks between instances: person lock → the person's own stale hold →
 * slot rows (in start order) → other bookings' rows only with SKIP LOCKED.
 */
@ApplicationScoped
public class BookingStore {

    /** Serialises one person's bookings of one service (quota counting), across instances. */
    public static final String LOCK_PERSON = "select pg_advisory_xact_lock(hashtextextended(?, 0))";

    /** The person's own hold that ran out is released before anything else (so it blocks nothing). */
    public static final String RELEASE_OWN_STALE_HOLD = """
            with expired as (
              update booking set status = 'EXPIRED', closed_at = ?
              where person_id = ? and service_code = ? and status = 'HELD' and hold_expires_at <= ?
              returning office_id, service_code, starts_at)
            update slot_capacity s set taken = s.taken - 1 from expired e
            where s.office_id = e.office_id and s.service_code = e.service_code and s.starts_at = e.starts_at""";

    public static final String COUNT_IN_WINDOW = """
            select count(*) from booking where person_id = ? and service_code = ? and created_at >= ? and status <> 'EXPIRED'""";

    public static final String ENSURE_SLOT = """
            insert into slot_capacity (office_id, service_code, starts_at, capacity, taken) values (?, ?, ?, ?, 0)
            on conflict do nothing""";

    /** Takes one place if one is left: the row lock serialises takers, the condition stops at capacity. */
    public static final String TAKE_PLACE = """
            update slot_capacity set taken = taken + 1
            where office_id = ? and service_code = ? and starts_at = ? and taken < capacity""";

    /** Releases the slot's holds that ran out (other people's: SKIP LOCKED) and gives their places back. */
    public static final String RELEASE_STALE_HOLDS_OF_SLOT = """
            with expired as (
              update booking set status = 'EXPIRED', closed_at = ?
              where id in (select id from booking where office_id = ? and service_code = ? and starts_at = ?
                           and status = 'HELD' and hold_expires_at <= ? for update skip locked)
              returning id)
            update slot_capacity set taken = taken - (select count(*) from expired)
            where office_id = ? and service_code = ? and starts_at = ? and (select count(*) from expired) > 0""";

    public static final String INSERT = """
            insert into booking (id, short_code, office_id, service_code, starts_at, ends_at, person_id, application_ref,
              status, hold_expires_at, booked_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'HELD', ?, ?, ?) on conflict do nothing""";

    public static final String RELEASE_PLACE = """
            update slot_capacity set taken = taken - 1 where office_id = ? and service_code = ? and starts_at = ?""";

    private static final String SELECT = """
            select b.id, b.short_code, b.office_id, o.zone, b.service_code, b.starts_at, b.ends_at, b.person_id,
              b.application_ref, b.status, b.hold_expires_at, b.booked_by, b.created_at, b.confirmed_at, b.closed_at,
              b.ticket_id, b.reschedules
            from booking b join office o on o.id = b.office_id""";

    private final AgroalDataSource dataSource;

    public BookingStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void lockPerson(String personId, String serviceCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_PERSON)) {
            ps.setString(1, personId + "/" + serviceCode);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the person's bookings", e);
        }
    }

    public void releaseOwnStaleHold(String personId, String serviceCode, Instant now) {
        update(RELEASE_OWN_STALE_HOLD, ts(now), personId, serviceCode, ts(now));
    }

    public int countInWindow(String personId, String serviceCode, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT_IN_WINDOW)) {
            ps.setString(1, personId);
            ps.setString(2, serviceCode);
            ps.setTimestamp(3, ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count bookings", e);
        }
    }

    /**
     * Takes one place of a slot, creating its capacity row on first use.
     *
     * @return false when the slot is full (after giving back places of holds that ran out)
     */
    public boolean takePlace(String officeId, String serviceCode, Instant startsAt, int capacity, Instant now) {
        update(ENSURE_SLOT, officeId, serviceCode, ts(startsAt), capacity);
        if (update(TAKE_PLACE, officeId, serviceCode, ts(startsAt)) == 1) {
            return true;
        }
        if (update(RELEASE_STALE_HOLDS_OF_SLOT, ts(now), officeId, serviceCode, ts(startsAt), ts(now), officeId,
                serviceCode, ts(startsAt)) == 0) {
            return false;
        }
        return update(TAKE_PLACE, officeId, serviceCode, ts(startsAt)) == 1;
    }

    public void releasePlace(String officeId, String serviceCode, Instant startsAt) {
        update(RELEASE_PLACE, officeId, serviceCode, ts(startsAt));
    }

    /** Locks the capacity rows of the slots (creating missing ones), in start order. */
    public void lockSlots(String officeId, String serviceCode, List<Instant> starts, Map<Instant, Integer> capacities) {
        List<Instant> sorted = starts.stream().sorted().distinct().toList();
        for (Instant s : sorted) {
            update(ENSURE_SLOT, officeId, serviceCode, ts(s), capacities.getOrDefault(s, 0));
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select 1 from slot_capacity where office_id = ? and service_code = ? and starts_at = ? for update")) {
                ps.setString(1, officeId);
                ps.setString(2, serviceCode);
                ps.setTimestamp(3, ts(s));
                ps.executeQuery().close();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not lock slots", e);
            }
        }
    }

    /** @return false when the row was not inserted (an active booking of the person, or a short-code clash) */
    public boolean insert(Booking b) {
        return update(INSERT, b.id(), b.shortCode(), b.officeId(), b.serviceCode(), ts(b.startsAt()), ts(b.endsAt()),
                b.personId(), b.applicationRef(), ts(b.holdExpiresAt()), b.bookedBy(), ts(b.createdAt())) == 1;
    }

    public boolean hasActive(String personId, String serviceCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from booking where person_id = ? and service_code = ? and status in ('HELD', 'CONFIRMED')")) {
            ps.setString(1, personId);
            ps.setString(2, serviceCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read bookings", e);
        }
    }

    public Optional<Booking> find(UUID id, boolean forUpdate) {
        return one(SELECT + " where b.id = ?" + (forUpdate ? " for update of b" : ""), id);
    }

    public Optional<Booking> findByCode(String code, boolean forUpdate) {
        return one(SELECT + " where b.short_code = ?" + (forUpdate ? " for update of b" : ""), code);
    }

    public void confirm(UUID id, Instant now) {
        update("update booking set status = 'CONFIRMED', confirmed_at = ?, hold_expires_at = null where id = ?", ts(now), id);
    }

    public void close(UUID id, BookingStatus status, Instant now) {
        update("update booking set status = ?, closed_at = ?, hold_expires_at = null where id = ?", status.name(), ts(now), id);
    }

    public void checkIn(UUID id, UUID ticketId, Instant now) {
        update("update booking set status = 'CHECKED_IN', closed_at = ?, ticket_id = ? where id = ?", ts(now), ticketId, id);
    }

    public void move(UUID id, Instant startsAt, Instant endsAt) {
        update("update booking set starts_at = ?, ends_at = ?, reschedules = reschedules + 1 where id = ?",
                ts(startsAt), ts(endsAt), id);
    }

    /** Taken places per slot start of an office's service between two instants, holds that ran out not counted. */
    public Map<Instant, int[]> placesTaken(String officeId, String serviceCode, Instant from, Instant to, Instant now) {
        Map<Instant, int[]> taken = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select s.starts_at, s.capacity, s.taken - (select count(*) from booking b where b.office_id = s.office_id
                    and b.service_code = s.service_code and b.starts_at = s.starts_at and b.status = 'HELD'
                    and b.hold_expires_at <= ?)
                from slot_capacity s where s.office_id = ? and s.service_code = ? and s.starts_at >= ? and s.starts_at < ?""")) {
            ps.setTimestamp(1, ts(now));
            ps.setString(2, officeId);
            ps.setString(3, serviceCode);
            ps.setTimestamp(4, ts(from));
            ps.setTimestamp(5, ts(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.put(rs.getTimestamp(1).toInstant(), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read slot capacity", e);
        }
        return taken;
    }

    /** Holds that ran out, released in one batch (the job); other instances skip the rows this one holds. */
    public int expireHolds(Instant now, int batch) {
        return update("""
                with expired as (
                  update booking set status = 'EXPIRED', closed_at = ?
                  where id in (select id from booking where status = 'HELD' and hold_expires_at <= ?
                               order by hold_expires_at limit ? for update skip locked)
                  returning office_id, service_code, starts_at),
                counts as (select office_id, service_code, starts_at, count(*) as n from expired group by 1, 2, 3)
                update slot_capacity s set taken = s.taken - c.n from counts c
                where s.office_id = c.office_id and s.service_code = c.service_code and s.starts_at = c.starts_at""",
                ts(now), ts(now), batch);
    }

    /** Confirmed bookings whose grace period ended before {@code cutoff}, marked NO_SHOW; returns them. */
    public List<Booking> markNoShows(Instant cutoff, Instant now, int batch) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update booking set status = 'NO_SHOW', closed_at = ?
                where id in (select id from booking where status = 'CONFIRMED' and starts_at < ?
                             order by starts_at limit ? for update skip locked)
                returning id""")) {
            ps.setTimestamp(1, ts(now));
            ps.setTimestamp(2, ts(cutoff));
            ps.setInt(3, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark no-shows", e);
        }
        return ids.stream().map(id -> find(id, false).orElseThrow()).toList();
    }

    private Optional<Booking> one(String sql, Object param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Booking(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4)), rs.getString(5), inst(rs, 6), inst(rs, 7), rs.getString(8),
                        rs.getString(9), BookingStatus.valueOf(rs.getString(10)), inst(rs, 11), rs.getString(12),
                        inst(rs, 13), inst(rs, 14), inst(rs, 15), rs.getObject(16, UUID.class), rs.getInt(17)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a booking", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Booking statement failed: " + e.getSQLState(), e);
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
