package org.kerege.appointments.office.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.catalog.domain.ServicePolicy;

/** The catalog's booking policy of a service on a date (the rows CatalogPublishedHandler keeps), by JDBC. */
@ApplicationScoped
public class CatalogPolicies {

    public static final String BY_CODE = """
            select service_code, country, title_en, effective_from, effective_to, booking_policy, min_service_minutes,
              max_service_minutes, catalog_version from service_policy where service_code = ?""";

    private final AgroalDataSource dataSource;

    public CatalogPolicies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ServicePolicy> inForce(String serviceCode, LocalDate date) {
        List<ServicePolicy> sets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_CODE)) {
            ps.setString(1, serviceCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sets.add(new ServicePolicy(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            BookingPolicy.valueOf(rs.getString(6)), (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                            rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the catalog's policies", e);
        }
        return ServicePolicy.inForce(sets, date);
    }
}
