package org.kerege.status.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kerege.status.StatusConfig;
import org.kerege.status.application.api.Views;
import org.kerege.status.application.domain.AccessCode;
import org.kerege.status.application.domain.Delivery;
import org.kerege.status.application.domain.Workflow;
import org.kerege.status.application.domain.WorkflowTable;
import org.kerege.status.application.lookup.PublicStatusCache;

/**
 * The public lookup's read path: one SQL round trip fetches the throttle counters of the number and the
 * client, the application, its history and its due dates (the hot path of bench/status). Only the
 * applicant-safe fields leave this class.
 */
@ApplicationScoped
public class StatusReader {

    private static final String SQL = """
            select a.access_code_hash, a.service_code, a.state, a.zone, a.delivery, a.submitted_at, a.applicant_language,
              (select coalesce(json_agg(json_build_object('event', h.event, 'state', h.to_state, 'at', h.occurred_at,
                                                          'reasons', h.reasons) order by h.id), '[]')
                 from application_history h where h.number = a.number) as history,
              (select coalesce(json_agg(json_build_object('clock', d.clock, 'type', d.type, 'status', d.status,
                                                          'dueDate', d.due_date, 'basis', d.basis, 'closedOn', d.closed_on)
                                        order by d.id), '[]')
                 from deadline d where d.number = a.number) as deadlines,
              n.window_start, n.failures, c.window_start, c.failures
            from (select 1) one
            left join application a on a.number = ?
            left join lookup_throttle n on n.key = ?
            left join lookup_throttle c on c.key = ?""";

    /** Outcome of a lookup. */
    public sealed interface Result permits Found, NotFound, Throttled {
    }

    /** The status, and the stored hash of the access code that opened it (for the in-memory answers). */
    public record Found(Views.Status status, byte[] accessCodeHash) implements Result {
    }

    public record NotFound() implements Result {
    }

    public record Throttled(long retryAfterSeconds) implements Result {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final StatusConfig config;
    private final WorkflowTable table;

    public StatusReader(AgroalDataSource dataSource, ObjectMapper json, Clock clock, StatusConfig config,
                        ApplicationCommands commands) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.table = commands.table();
    }

    /**
     * @param number a well-formed number, or null (then only the client is throttled and nothing is found)
     */
    public Result lookup(String number, String client, String accessCode) {
        Instant now = clock.instant();
        Duration window = config.lookup().window();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, number);
            s.setString(2, number == null ? null : PublicStatusCache.numberKey(number));
            s.setString(3, PublicStatusCache.clientKey(client));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long wait = Math.max(number == null ? 0 : blockedFor(r.getTimestamp(10), r.getInt(11),
                        config.lookup().maxFailuresPerNumber(), now, window),
                        blockedFor(r.getTimestamp(12), r.getInt(13), config.lookup().maxFailuresPerClient(), now, window));
                if (wait > 0) {
                    return new Throttled(wait);
                }
                byte[] hash = r.getBytes(1);
                if (hash == null || !AccessCode.matches(hash, accessCode)) {
                    return new NotFound();
                }
                String zone = r.getString(4);
                String serviceCode = r.getString(2);
                String state = r.getString(3);
                Workflow w = table.forService(serviceCode);
                String language = r.getString(7);
                List<Views.Step> steps = new ArrayList<>();
                for (JsonNode h : json.readTree(r.getString(8))) {
                    List<String> reasons = new ArrayList<>();
                    h.path("reasons").forEach(x -> reasons.add(x.asText()));
                    steps.add(new Views.Step(h.path("event").asText(), h.path("state").asText(),
                            at(h.path("at").asText(), zone), reasons));
                }
                List<Views.DueDate> due = new ArrayList<>();
                for (JsonNode d : json.readTree(r.getString(9))) {
                    due.add(new Views.DueDate(d.path("clock").asText(), d.path("type").asText(),
                            d.path("status").asText(), LocalDate.parse(d.path("dueDate").asText()),
                            d.path("basis").asText(), d.path("closedOn").isNull() ? null
                                    : LocalDate.parse(d.path("closedOn").asText())));
                }
                String next = w.state(state).map(x -> x.nextStep(language)).orElse(null);
                return new Found(new Views.Status(number, serviceCode, state, w.isTerminal(state), next,
                        Delivery.valueOf(r.getString(5)),
                        r.getTimestamp(6).toInstant().atZone(ZoneId.of(zone)).toOffsetDateTime(), due, steps), hash);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("status lookup failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime at(String text, String zone) {
        return OffsetDateTime.parse(text).atZoneSameInstant(ZoneId.of(zone)).toOffsetDateTime();
    }

    private static long blockedFor(Timestamp start, int failures, int max, Instant now, Duration window) {
        if (start == null || failures < max) {
            return 0;
        }
        Instant end = start.toInstant().plus(window);
        return end.isAfter(now) ? Math.max(1, Duration.between(now, end).toSeconds()) : 0;
    }
}
