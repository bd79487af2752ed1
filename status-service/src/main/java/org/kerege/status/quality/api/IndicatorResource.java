package org.kerege.status.quality.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/**
 * The quality indicators of 003 annex 4 as measured here (actual values; the normative values and
 * next year's targets are the ministry's and are not invented). Satisfaction indicators come only from
 * applicants' real feedback; without any, the value is null with "no data".
 */
@Path("/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality")
public class IndicatorResource {

    /**
     * One indicator.
     *
     * @param value   percent with one decimal, or null when there is nothing to measure
     * @param count   the number of cases it is measured on
     * @param note    how it is measured, or {@code no data}
     */
    public record Indicator(@Schema(example = "on-time") String code, String name,
                            @Schema(example = "87.5") BigDecimal value, long count, String note) {
    }

    public record Indicators(String service, String office, LocalDate from, LocalDate to, List<Indicator> indicators) {
    }

    private final EntityManager em;
    private final Caller caller;

    public IndicatorResource(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Quality indicators of 003 annex 4 per service, office and period (officer: own office; admin)",
            description = "Period: completion (hand-over) dates from..to inclusive, in UTC days. on-time: share of "
                    + "applications completed in the period (withdrawn ones excluded) whose every legal clock was met by "
                    + "its due date, from document submission. Satisfaction (process, information, courtesy, complaint "
                    + "handling): share of ratings of 4 or 5 given in the period; null with note \"no data\" when nobody "
                    + "rated. electronic-information is not measured by this service (null).")
    public Indicators get(@QueryParam("service") @Pattern(regexp = "[a-z]{2}\\.[a-z0-9.-]{1,97}", message = "a service code")
                          @Parameter(example = "kz.refugee.grant") String service,
                          @QueryParam("office") @Pattern(regexp = "[\\p{L}\\p{N}._:-]{1,64}", message = "an office id")
                          @Parameter(example = "kz.astana.migration-1") String office,
                          @QueryParam("from") @NotNull(message = "is required") @Parameter(example = "2026-01-01") LocalDate from,
                          @QueryParam("to") @NotNull(message = "is required") @Parameter(example = "2026-12-31") LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalidField("to", "a period of at most 5 years");
        }
        String target = office;
        if (caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.ADMIN)) {
            if (office != null && !office.equals(caller.office())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Officers see their own office's indicators.");
            }
            target = caller.office();
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Object[] timely = (Object[]) em.createNativeQuery("""
                        select count(*),
                               count(*) filter (where not exists (
                                   select 1 from deadline d where d.number = a.number and d.type = 'DUTY'
                                   and (d.status = 'LATE' or (d.status = 'RUNNING' and d.due_date < cast(a.completed_at as date)))))
                        from application a
                        where a.completed_at >= ?1 and a.completed_at < ?2 and a.state <> 'WITHDRAWN'
                          and (?3 = '' or a.service_code = ?3) and (?4 = '' or a.office_id = ?4)""")
                .setParameter(1, start).setParameter(2, end).setParameter(3, service == null ? "" : service).setParameter(4, target == null ? "" : target)
                .getSingleResult();
        Object[] rated = (Object[]) em.createNativeQuery("""
                        select count(*),
                               count(*) filter (where process >= 4), count(*) filter (where information >= 4),
                               count(*) filter (where courtesy >= 4),
                               count(complaint_handling), count(*) filter (where complaint_handling >= 4)
                        from feedback
                        where given_at >= ?1 and given_at < ?2
                          and (?3 = '' or service_code = ?3) and (?4 = '' or office_id = ?4)""")
                .setParameter(1, start).setParameter(2, end).setParameter(3, service == null ? "" : service).setParameter(4, target == null ? "" : target)
                .getSingleResult();
        long ratings = n(rated[0]);
        List<Indicator> list = new ArrayList<>();
        list.add(percent("on-time", "% of services delivered on time from document submission", n(timely[1]),
                n(timely[0]), "completed applications whose every legal clock was met"));
        list.add(percent("satisfied-process", "% of recipients satisfied with the process", n(rated[1]), ratings,
                "ratings 4-5 of 5"));
        list.add(percent("satisfied-information", "% of recipients satisfied with information about the service",
                n(rated[2]), ratings, "ratings 4-5 of 5"));
        list.add(new Indicator("electronic-information", "% of services whose information is available electronically",
                null, 0, "not measured by status-service (the requirements catalog publishes every service)"));
        list.add(percent("satisfied-complaints", "% of recipients satisfied with the complaint procedure", n(rated[5]),
                n(rated[4]), "ratings 4-5 of 5, from recipients who rated complaint handling"));
        list.add(percent("satisfied-courtesy", "% of recipients satisfied with the staff's courtesy", n(rated[3]),
                ratings, "ratings 4-5 of 5"));
        return new Indicators(service, target, from, to, list);
    }

    private static Indicator percent(String code, String name, long part, long whole, String how) {
        if (whole == 0) {
            return new Indicator(code, name, null, 0, "no data");
        }
        BigDecimal value = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        return new Indicator(code, name, value, whole, how);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
