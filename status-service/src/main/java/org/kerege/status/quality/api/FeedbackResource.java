package org.kerege.status.quality.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.Problem;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.application.LookupThrottle;
import org.kerege.status.application.domain.AccessCode;
import org.kerege.status.application.domain.ApplicationNumber;
import org.kerege.status.application.persistence.ApplicationEntity;

/** The applicant's rating after hand-over (003 annex 4 satisfaction indicators): once per application. */
@Path("/v1/applications/{number}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality")
public class FeedbackResource {

    /** Terminal states in which the result reached the applicant. */
    static final Set<String> HANDED_OVER = Set.of("ISSUED", "DELIVERED");

    /** Ratings 1 (very bad) to 5 (very good); complaint handling only when the applicant complained. */
    @Schema(name = "FeedbackRequest")
    public record Rating(
            @NotNull(message = "is required") @Min(value = 1, message = "1 to 5") @Max(value = 5, message = "1 to 5")
            @Schema(example = "5") Integer process,
            @NotNull(message = "is required") @Min(value = 1, message = "1 to 5") @Max(value = 5, message = "1 to 5")
            @Schema(example = "4") Integer information,
            @NotNull(message = "is required") @Min(value = 1, message = "1 to 5") @Max(value = 5, message = "1 to 5")
            @Schema(example = "5") Integer courtesy,
            @Min(value = 1, message = "1 to 5") @Max(value = 5, message = "1 to 5") Integer complaintHandling) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final LookupThrottle throttle;

    public FeedbackResource(EntityManager em, Caller caller, Clock clock, LookupThrottle throttle) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.throttle = throttle;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Rate the service after hand-over (the applicant: own token or X-Access-Code)",
            description = "Once per application, only after the result was handed over or delivered. 404 for a wrong "
                    + "code or someone else's application; 409 feedback-not-open (not handed over yet) or "
                    + "feedback-already-given; 429 after too many wrong codes.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "409", description = "Not handed over yet, or already rated",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @Transactional
    public Response rate(@PathParam("number") @Parameter(example = "KG-2026-000123") String number,
                         @HeaderParam("X-Access-Code") @Parameter(description = "The access code from the talon")
                         String accessCode,
                         @Valid @NotNull(message = "the rating is required") Rating rating,
                         @Context HttpServerRequest request) {
        ApplicationEntity a = ApplicationNumber.isWellFormed(number) ? ApplicationEntity.findById(number) : null;
        if (accessCode != null) {
            String client = request == null || request.remoteAddress() == null ? "unknown"
                    : request.remoteAddress().hostAddress();
            String key = ApplicationNumber.isWellFormed(number) ? number : null;
            try {
                throttle.check(key, client);
            } catch (LookupThrottle.TooManyLookups e) {
                return Response.status(429).type(Problem.MEDIA_TYPE).entity(e.toProblem())
                        .header("Retry-After", e.retryAfterSeconds()).build();
            }
            if (a == null || !AccessCode.matches(a.accessCodeHash, accessCode)) {
                throttle.failed(key, client);
                throw notFound(number);
            }
        } else {
            if (caller.isAnonymous()) {
                throw new io.quarkus.security.UnauthorizedException();
            }
            if (!caller.hasRole(Roles.CITIZEN) || a == null || !caller.subject().equals(a.applicantId)) {
                throw notFound(number);
            }
        }
        if (!HANDED_OVER.contains(a.state)) {
            throw ProblemException.conflict("feedback-not-open", "Feedback not open yet",
                    "Rate the service after the result was handed over; the application is " + a.state + ".");
        }
        int inserted = em.createNativeQuery("""
                        insert into feedback (number, service_code, office_id, process, information, courtesy,
                          complaint_handling, given_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (number) do nothing""")
                .setParameter(1, a.number).setParameter(2, a.serviceCode).setParameter(3, a.officeId)
                .setParameter(4, rating.process()).setParameter(5, rating.information())
                .setParameter(6, rating.courtesy()).setParameter(7, rating.complaintHandling())
                .setParameter(8, Timestamp.from(clock.instant())).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("feedback-already-given", "Already rated",
                    "This application was already rated.");
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(String number) {
        return ProblemException.notFound("Application", number.length() > 40 ? number.substring(0, 40) : number);
    }
}
