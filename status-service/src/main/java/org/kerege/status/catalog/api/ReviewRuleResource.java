package org.kerege.status.catalog.api;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.catalog.domain.ReviewRule;
import org.kerege.status.catalog.persistence.ReviewRuleEntity;

/** The legal clocks of a service, as the latest catalog this service received says. Public. */
@Path("/v1/review-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review rules")
@PermitAll
public class ReviewRuleResource {

    private final Clock clock;

    public ReviewRuleResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Path("/{serviceCode}")
    @Operation(summary = "Review window and result validity of a service in force on a date")
    public ReviewRule get(@Parameter(example = "kg.meken-card") @PathParam("serviceCode") String serviceCode,
                          @Parameter(description = "ISO date; today (UTC) when absent", example = "2026-11-21")
                          @QueryParam("on") LocalDate on) {
        LocalDate date = on != null ? on : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<ReviewRule> sets = ReviewRuleEntity.ofService(serviceCode);
        if (sets.isEmpty()) {
            throw ProblemException.notFound("Service", serviceCode);
        }
        return ReviewRule.inForce(sets, date).orElseThrow(() -> new ProblemException(404, "not-in-force",
                "Service not in force", "Service '" + serviceCode + "' has no rules in force on " + date + "."));
    }
}
