package org.kerege.appointments.office.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.office.domain.Closure;
import org.kerege.appointments.office.domain.Counter;
import org.kerege.appointments.office.domain.DayHours;
import org.kerege.appointments.office.domain.Office;
import org.kerege.appointments.office.domain.ServiceSettings;
import org.kerege.appointments.office.domain.TimeRange;

/** Offices, counters, service settings and closures (plain JDBC; one round trip to load an office). */
@ApplicationScoped
public class OfficeStore {

    /** The statement that loads one office with everything it needs; the booking path runs it (bench/appointments). */
    public static final String LOAD = """
            select o.id, o.name_en, o.name_local, o.kind, o.country, o.zone, o.address, o.hours::text, o.legal_source,
              coalesce((select json_agg(json_build_object('code', c.code, 'location', c.location, 'priority', c.priority,
                    'services', c.services) order by length(c.code), c.code) from office_counter c where c.office_id = o.id), '[]')::text,
              coalesce((select json_agg(json_build_object('serviceCode', s.service_code, 'bookingPolicy', s.booking_policy,
                    'walkInSharePercent', s.walk_in_share_percent, 'slotMinutes', s.slot_minutes,
                    'quotaMaxBookings', s.quota_max_bookings, 'quotaWindowDays', s.quota_window_days, 'source', s.source)
                    order by s.service_code) from office_service s where s.office_id = o.id), '[]')::text,
              coalesce((select json_agg(json_build_object('id', x.id, 'from', x.date_from, 'to', x.date_to, 'reason', x.reason)
                    order by x.date_from) from office_closure x where x.office_id = o.id), '[]')::text
            from office o where o.id = ?""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    public OfficeStore(AgroalDataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    record HoursRow(DayOfWeek day, String opens, String closes, List<BreakRow> breaks) {
    }

    record BreakRow(String from, String to) {
    }

    record CounterRow(String code, String location, boolean priority, List<String> services) {
    }

    record ServiceRow(String serviceCode, BookingPolicy bookingPolicy, int walkInSharePercent, Integer slotMinutes,
                      Integer quotaMaxBookings, Integer quotaWindowDays, String source) {
    }

    record ClosureRow(Long id, LocalDate from, LocalDate to, String reason) {
    }

    public Optional<Office> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load office", e);
        }
    }

    public List<Office> all() {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from office order by country, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list offices", e);
        }
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private Office map(ResultSet rs) throws SQLException {
        try {
            List<HoursRow> hours = json.readValue(rs.getString(8), new TypeReference<>() { });
            List<CounterRow> counters = json.readValue(rs.getString(10), new TypeReference<>() { });
            List<ServiceRow> services = json.readValue(rs.getString(11), new TypeReference<>() { });
            List<ClosureRow> closures = json.readValue(rs.getString(12), new TypeReference<>() { });
            return new Office(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    ZoneId.of(rs.getString(6)), rs.getString(7),
                    hours.stream().map(h -> new DayHours(h.day(), LocalTime.parse(h.opens()), LocalTime.parse(h.closes()),
                            h.breaks() == null ? List.of() : h.breaks().stream()
                                    .map(b -> new TimeRange(LocalTime.parse(b.from()), LocalTime.parse(b.to()))).toList())).toList(),
                    rs.getString(9),
                    counters.stream().map(x -> new Counter(x.code(), x.location(), x.priority(), x.services())).toList(),
                    services.stream().map(s -> new ServiceSettings(s.serviceCode(), s.bookingPolicy(), s.walkInSharePercent(),
                            s.slotMinutes(), s.quotaMaxBookings(), s.quotaWindowDays(), s.source())).toList(),
                    closures.stream().map(x -> new Closure(x.id(), x.from(), x.to(), x.reason())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Office row is not readable", e);
        }
    }

    /** Creates or replaces an office with its counters and service settings (closures stay). Returns true when created. */
    public boolean upsert(Office office) {
        try (Connection c = dataSource.getConnection()) {
            boolean created;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into office (id, name_en, name_local, kind, country, zone, address, hours, legal_source, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                    on conflict (id) do update set name_en = excluded.name_en, name_local = excluded.name_local,
                      kind = excluded.kind, country = excluded.country, zone = excluded.zone, address = excluded.address,
                      hours = excluded.hours, legal_source = excluded.legal_source, updated_at = excluded.updated_at
                    returning (xmax = 0)""")) {
                ps.setString(1, office.id());
                ps.setString(2, office.nameEn());
                ps.setString(3, office.nameLocal());
                ps.setString(4, office.kind());
                ps.setString(5, office.country());
                ps.setString(6, office.zone().getId());
                ps.setString(7, office.address());
                ps.setString(8, json.writeValueAsString(office.hours().stream().map(h -> new HoursRow(h.day(),
                        h.opens().toString(), h.closes().toString(),
                        h.breaks().stream().map(b -> new BreakRow(b.from().toString(), b.to().toString())).toList())).toList()));
                ps.setString(9, office.legalSource());
                ps.setTimestamp(10, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    created = rs.getBoolean(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from office_counter where office_id = ?")) {
                ps.setString(1, office.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from office_service where office_id = ?")) {
                ps.setString(1, office.id());
                ps.executeUpdate();
            }
            for (Counter counter : office.counters()) {
                upsertCounter(c, office.id(), counter);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into office_service (office_id, service_code, booking_policy, walk_in_share_percent, slot_minutes,
                      quota_max_bookings, quota_window_days, source) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ServiceSettings s : office.services()) {
                    ps.setString(1, office.id());
                    ps.setString(2, s.serviceCode());
                    ps.setString(3, s.policyOverride() == null ? null : s.policyOverride().name());
                    ps.setInt(4, s.walkInSharePercent());
                    ps.setObject(5, s.slotMinutes());
                    ps.setObject(6, s.quotaMaxBookings());
                    ps.setObject(7, s.quotaWindowDays());
                    ps.setString(8, s.source());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return created;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not save office", e);
        }
    }

    public void upsertCounter(String officeId, Counter counter) {
        try (Connection c = dataSource.getConnection()) {
            upsertCounter(c, officeId, counter);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save counter", e);
        }
    }

    private static void upsertCounter(Connection c, String officeId, Counter counter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into office_counter (office_id, code, location, priority, services) values (?, ?, ?, ?, ?)
                on conflict (office_id, code) do update set location = excluded.location, priority = excluded.priority,
                  services = excluded.services""")) {
            Array services = c.createArrayOf("text", counter.services().toArray());
            ps.setString(1, officeId);
            ps.setString(2, counter.code());
            ps.setString(3, counter.location());
            ps.setBoolean(4, counter.priority());
            ps.setArray(5, services);
            ps.executeUpdate();
        }
    }

    public long addClosure(String officeId, Closure closure) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into office_closure (office_id, date_from, date_to, reason) values (?, ?, ?, ?) returning id")) {
            ps.setString(1, officeId);
            ps.setDate(2, Date.valueOf(closure.from()));
            ps.setDate(3, Date.valueOf(closure.to()));
            ps.setString(4, closure.reason());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save closure", e);
        }
    }

    public boolean deleteClosure(String officeId, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from office_closure where office_id = ? and id = ?")) {
            ps.setString(1, officeId);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete closure", e);
        }
    }
}
