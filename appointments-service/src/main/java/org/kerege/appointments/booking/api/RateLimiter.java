package org.kerege.appointments.booking.api;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kerege.appointments.AppointmentsConfig;
import org.kerege.platform.problem.ProblemException;

/**
 * Per-person limit on booking requests against bots, counted in the database (table rate_limit, one row
 * per person and minute), so the limit holds across all instances. Its own transaction: a refused or
 * failed booking still counts.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String HIT = """
            insert into rate_limit (subject, window_start, hits) values (?, ?, 1)
            on conflict (subject, window_start) do update set hits = rate_limit.hits + 1 returning hits""";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final AppointmentsConfig config;

    public RateLimiter(AgroalDataSource dataSource, Clock clock, AppointmentsConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    /** Counts one request of the person; 429 too-many-requests beyond the limit for this minute. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ProblemException.class)
    public void hit(String personId) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HIT)) {
            ps.setString(1, personId);
            ps.setTimestamp(2, Timestamp.from(minute));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > config.rateLimit().perMinute()) {
                    throw new ProblemException(429, "too-many-requests", "Too many booking requests",
                            "At most " + config.rateLimit().perMinute() + " booking requests per person per minute; "
                                    + "try again in a minute.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the request", e);
        }
    }

    /** Drops counters older than an hour. */
    @Transactional
    public int prune() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from rate_limit where window_start < ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(1, ChronoUnit.HOURS)));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prune rate limits", e);
        }
    }
}
