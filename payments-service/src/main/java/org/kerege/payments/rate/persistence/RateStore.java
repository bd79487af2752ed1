package org.kerege.payments.rate.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerege.payments.rate.domain.ExchangeRate;

/** Table {@code exchange_rate}: dated official rates, never overwritten. Call inside a transaction. */
@ApplicationScoped
public class RateStore {

    private final AgroalDataSource dataSource;

    public RateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the stored rate of that key (the given one when it was new) */
    public ExchangeRate insertIfAbsent(ExchangeRate r, Instant at, String by) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into exchange_rate (rate_date, source, base, currency, nominal, value, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                ps.setObject(1, r.date());
                ps.setString(2, r.source());
                ps.setString(3, r.base());
                ps.setString(4, r.currency());
                ps.setInt(5, r.nominal());
                ps.setBigDecimal(6, r.value());
                ps.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(8, by);
                if (ps.executeUpdate() == 1) {
                    return r;
                }
            }
            return find(r.source(), r.base(), r.currency(), r.date()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a rate", e);
        }
    }

    public Optional<ExchangeRate> find(String source, String base, String currency, LocalDate date) {
        return query("where source = ? and base = ? and currency = ? and rate_date = ?", ps -> {
            ps.setString(1, source);
            ps.setString(2, base);
            ps.setString(3, currency);
            ps.setObject(4, date);
        }).stream().findFirst();
    }

    public List<ExchangeRate> onDay(LocalDate date) {
        return query("where rate_date = ? order by source, base, currency", ps -> ps.setObject(1, date));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ExchangeRate> query(String where, Binder binder) {
        List<ExchangeRate> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select rate_date, source, base, currency, nominal, value from exchange_rate " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal v = rs.getBigDecimal(6).stripTrailingZeros();
                    out.add(new ExchangeRate(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), v.scale() < 0 ? v.setScale(0) : v));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rates", e);
        }
        return out;
    }
}
