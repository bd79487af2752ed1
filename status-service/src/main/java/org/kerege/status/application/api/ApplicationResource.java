package org.kerege.status.application.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.Problem;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.application.ApplicationCommands;
import org.kerege.status.application.LookupThrottle;
import org.kerege.status.application.StatusReader;
import org.kerege.status.application.domain.AccessCode;
import org.kerege.status.application.lookup.PublicStatusCache;
import org.kerege.status.application.domain.ApplicationNumber;
import org.kerege.status.application.domain.Delivery;
import org.kerege.status.application.domain.Workflow;
import org.kerege.status.application.persistence.ApplicationEntity;

/** Applications: accept (talon), look up (office, own token, or number + access code), move, queue. */
@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {

    static final String ACCESS_CODE_HEADER = "X-Access-Code";
    static final String PUBLIC_STATUS_TYPE = MediaType.APPLICATION_JSON;
    static final List<String> ROLES = List.of(Roles.CITIZEN, Roles.OFFICER, Roles.BANK, Roles.PARTNER, Roles.ADMIN,
            Roles.SERVICE);

    private final ApplicationCommands commands;
    private final LookupThrottle throttle;
    private final StatusReader reader;
    private final Caller caller;
    private final Clock clock;
    private final EntityManager em;
    private final PublicStatusCache answers;
    private final ObjectMapper json;

    public ApplicationResource(ApplicationCommands commands, LookupThrottle throttle, StatusReader reader,
                               Caller caller, Clock clock, EntityManager em, PublicStatusCache answers,
                               ObjectMapper json) {
        this.commands = commands;
        this.throttle = throttle;
        this.reader = reader;
        this.caller = caller;
        this.clock = clock;
        this.em = em;
        this.answers = answers;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Accept an application's documents and hand over the talon (officer)",
            description = "The office is the officer token's `office` claim; the officer's name and position come from "
                    + "its `name` and `position` claims. Answers the acceptance talon of 003 annex 3 (number, applicant, "
                    + "accepted documents, officer's name and position, date and time in the office's zone) and the "
                    + "access code, shown this once (only its SHA-256 is kept). The workflow's acceptance event is taken "
                    + "at once (e.g. a refugee petition is REGISTERED and its 3-month clock starts). 400 validation-failed "
                    + "(home delivery without address or phone; facts.procedure of a Meken-card); 422 calendar-not-known.")
    @APIResponse(responseCode = "201", description = "Accepted; the talon",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Talon.class)))
    public Response submit(@Valid @NotNull(message = "the application is required") CreateApplicationRequest request) {
        var d = request.delivery();
        if (d.choice() == Delivery.HOME_DELIVERY) {
            Map<String, String> errors = new HashMap<>();
            if (d.address() == null || d.address().isBlank()) {
                errors.put("delivery.address", "home delivery needs the full address");
            }
            if (d.phone() == null) {
                errors.put("delivery.phone", "home delivery needs a contact phone");
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "validation-failed", "The request is not valid",
                        "Home delivery needs an address and a phone (000).", errors);
            }
        }
        String office = caller.office();
        var officer = new ApplicationCommands.Officer(caller.subject(),
                caller.claim("name").filter(s -> !s.isBlank()).orElse(caller.subject()),
                caller.claim("position").filter(s -> !s.isBlank()).orElse("Officer"), office, Roles.OFFICER);
        var a = request.applicant();
        var submitted = commands.submit(new ApplicationCommands.NewApplication(request.serviceCode(), a.id(), a.name(),
                a.language(), a.phone(), request.documents(), request.facts(), d.choice(),
                d.choice() == Delivery.HOME_DELIVERY ? d.address() : null,
                d.choice() == Delivery.HOME_DELIVERY ? d.phone() : null, request.bookingId()), officer);
        ApplicationEntity e = submitted.application();
        Views.Talon talon = new Views.Talon(e.number, e.serviceCode, e.state,
                new Views.Applicant(e.applicantId, e.applicantName, e.applicantLanguage, e.applicantPhone), e.documents,
                new Views.Officer(e.officerName, e.officerPosition), Views.at(e.submittedAt, e.zone), e.zone,
                new Views.DeliveryDetails(e.delivery, e.deliveryAddress, e.deliveryPhone),
                AccessCode.printed(submitted.accessCode()),
                submitted.deadlines().stream().map(Views.DueDate::of).toList());
        return Response.created(URI.create("/v1/applications/" + e.number)).entity(talon)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{number}")
    @PermitAll
    @Operation(summary = "An application: by the office, by the applicant's own token, or by number + access code",
            description = "With header X-Access-Code (no token needed): status, history, due dates and next step, without "
                    + "names or addresses; a wrong code answers 404 exactly like an unknown number, and failed codes are "
                    + "throttled per number and per client (429 with Retry-After). With a token: officers of the "
                    + "application's office, admins and services see the full record; a citizen sees it when the token's "
                    + "subject is the applicant (any other application: 404); other callers 403.")
    @APIResponse(responseCode = "200", description = "The record (full with a token, status only with an access code)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Views.Full.class,
                    Views.Status.class})))
    @APIResponse(responseCode = "404", description = "Unknown number, or a wrong access code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong access codes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("number") @Parameter(example = "KZ-2026-000123") String number,
                        @HeaderParam(ACCESS_CODE_HEADER) @Parameter(description = "The access code from the talon",
                                example = "7KQ2-M4XD-6PLA-3BZT") String accessCode,
                        @Context HttpServerRequest request) {
        if (accessCode != null) {
            String client = clientOf(request);
            String key = ApplicationNumber.isWellFormed(number) ? number : null;
            // Read before the database: an answer is kept only if nothing changed while it was being read.
            long generation = answers.generation();
            StatusReader.Result result = reader.lookup(key, client, accessCode);
            if (result instanceof StatusReader.Throttled t) {
                return Response.status(429).type(Problem.MEDIA_TYPE).entity(new ProblemException(429, "too-many-lookups",
                                "Too many failed lookups", "Too many wrong access codes; try again in "
                                + t.retryAfterSeconds() + " seconds.").toProblem())
                        .header("Retry-After", t.retryAfterSeconds()).build();
            }
            if (result instanceof StatusReader.Found f) {
                byte[] body = written(f.status());
                answers.put(key, f.accessCodeHash(), body, generation);
                return publicStatus(Response.ok(body)).build();
            }
            throttle.failed(key, client);
            throw notFound(number);
        }
        if (caller.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        ApplicationEntity a = find(number);
        Workflow w = commands.table().forService(a.serviceCode);
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE)
                || caller.hasRole(Roles.OFFICER) && caller.office().equals(a.officeId)) {
            return Response.ok(Views.full(a, w, "en")).build();
        }
        if (caller.hasRole(Roles.CITIZEN)) {
            if (!caller.subject().equals(a.applicantId)) {
                throw notFound(number);
            }
            return Response.ok(Views.full(a, w, a.applicantLanguage)).header("Cache-Control", "no-store").build();
        }
        throw new ProblemException(403, "forbidden", "Forbidden", "This application belongs to another office.");
    }

    @POST
    @Path("/{number}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SERVICE, Roles.ADMIN})
    @Operation(summary = "Take a workflow event on an application (officer of its office, service)",
            description = "The edge must exist from the current state in the service's workflow and allow the caller's "
                    + "role. 409 illegal-transition (nothing changed; the detail lists the events allowed now); 403 "
                    + "another office or a role the edge does not allow; 400 validation-failed (a refusal without "
                    + "reasons, a deferral without newDecisionDate); 422 transition-input-invalid (a refugee refusal "
                    + "ground not among 003's nine, a deferral of less than one year). A deferral recomputes the "
                    + "decision's due date and starts the 2-working-day notice clock.")
    @APIResponse(responseCode = "200", description = "The application after the transition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Full.class)))
    public Views.Full transition(@PathParam("number") @Parameter(example = "KZ-2026-000123") String number,
                                 @Valid @NotNull(message = "the transition is required") TransitionRequest request) {
        ApplicationEntity existing = find(number);
        Set<String> roles = new TreeSet<>();
        ROLES.stream().filter(caller::hasRole).forEach(roles::add);
        Optional<String> office = caller.hasRole(Roles.OFFICER) ? Optional.of(caller.office()) : Optional.empty();
        String role = roles.contains(Roles.OFFICER) ? Roles.OFFICER : roles.iterator().next();
        ApplicationEntity a = commands.transition(existing.number, request.event(), roles, role, caller.subject(), office,
                new Workflow.Input(request.reasons(), request.newDecisionDate()), request.note());
        return Views.full(a, commands.table().forService(a.serviceCode), "en");
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "An office's work queue: open applications by due date, earliest first (officer, admin)",
            description = "Officers see their own office (another office: 403). overdue=true keeps those whose earliest "
                    + "running duty is past its due date in the office's zone. At most 500 lines.")
    public List<Views.QueueItem> queue(
            @QueryParam("office") @Pattern(regexp = "[\\p{L}\\p{N}._:-]{1,64}", message = "an office id")
            @Parameter(example = "kz.astana.migration-1") String office,
            @QueryParam("overdue") @Parameter(description = "only overdue applications") Boolean overdue) {
        String target = office;
        if (caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.ADMIN)) {
            String own = caller.office();
            if (target != null && !target.equals(own)) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Officers see their own office's queue.");
            }
            target = own;
        }
        if (target == null) {
            throw ProblemException.invalidField("office", "is required");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.number, a.service_code, a.state, d.clock, d.due_date, a.zone, a.submitted_at
                        from application a
                        left join lateral (select clock, due_date from deadline
                                           where number = a.number and status = 'RUNNING' and type = 'DUTY'
                                           order by due_date limit 1) d on true
                        where a.office_id = ?1 and a.completed_at is null
                        order by d.due_date nulls last, a.submitted_at
                        limit 500""").setParameter(1, target).getResultList();
        return rows.stream().map(r -> {
            LocalDate due = r[4] == null ? null : r[4] instanceof Date sd ? sd.toLocalDate() : (LocalDate) r[4];
            String zone = (String) r[5];
            boolean late = due != null && due.isBefore(LocalDate.ofInstant(clock.instant(), ZoneId.of(zone)));
            java.time.Instant submitted = r[6] instanceof java.sql.Timestamp t ? t.toInstant()
                    : r[6] instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) r[6];
            return new Views.QueueItem((String) r[0], (String) r[1], (String) r[2], (String) r[3], due, late,
                    Views.at(submitted, zone));
        }).filter(i -> !Boolean.TRUE.equals(overdue) || i.overdue()).toList();
    }

    /** The headers of a public status answer, the same whether it comes from the database or from memory. */
    static Response.ResponseBuilder publicStatus(Response.ResponseBuilder answer) {
        return answer.type(PUBLIC_STATUS_TYPE).header("Cache-Control", "no-store");
    }

    private byte[] written(Views.Status status) {
        try {
            return json.writeValueAsBytes(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a status", e);
        }
    }

    private static ApplicationEntity find(String number) {
        ApplicationEntity a = ApplicationNumber.isWellFormed(number) ? ApplicationEntity.findById(number) : null;
        if (a == null) {
            throw notFound(number);
        }
        return a;
    }

    static ProblemException notFound(String number) {
        String shown = number == null ? "" : number.length() > 40 ? number.substring(0, 40) : number;
        return ProblemException.notFound("Application", shown);
    }

    static String clientOf(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? "unknown" : host;
    }
}
