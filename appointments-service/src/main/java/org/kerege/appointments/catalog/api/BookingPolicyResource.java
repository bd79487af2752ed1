package org.kerege.appointments.catalog.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.appointments.catalog.domain.ServicePolicy;
import org.kerege.appointments.catalog.persistence.ServicePolicyEntity;
import org.kerege.platform.problem.ProblemException;

/** How each service may be booked, as the latest catalog this service received says. Public. */
@Path("/v1/booking-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Booking policies")
@PermitAll
public class BookingPolicyResource {

    private final Clock clock;

    public BookingPolicyResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Booking policy of every service in force on a date",
            description = "Walk-in only, booking only, or both, and the counter time per applicant.")
    public List<ServicePolicy> list(
            @Parameter(description = "ISO date; today (UTC) when absent", example = "2026-11-21") @QueryParam("on") LocalDate on) {
        LocalDate date = on != null ? on : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, List<ServicePolicy>> byCode = ServicePolicyEntity.all().stream()
                .collect(Collectors.groupingBy(ServicePolicy::serviceCode));
        return byCode.values().stream().flatMap(sets -> ServicePolicy.inForce(sets, date).stream())
                .sorted(Comparator.comparing(ServicePolicy::serviceCode)).toList();
    }

    @GET
    @Path("/{serviceCode}")
    @Operation(summary = "Booking policy of one service in force on a date")
    public ServicePolicy get(
            @Parameter(example = "kz.refugee.grant") @PathParam("serviceCode") String serviceCode,
            @Parameter(description = "ISO date; today (UTC) when absent", example = "2013-06-03") @QueryParam("on") LocalDate on) {
        LocalDate date = on != null ? on : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<ServicePolicy> sets = ServicePolicyEntity.ofService(serviceCode);
        if (sets.isEmpty()) {
            throw ProblemException.notFound("Service", serviceCode);
        }
        return ServicePolicy.inForce(sets, date).orElseThrow(() -> new ProblemException(404, "not-in-force",
                "Service not in force", "Service '" + serviceCode + "' has no rules in force on " + date + "."));
    }
}
