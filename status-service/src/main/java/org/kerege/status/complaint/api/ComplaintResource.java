package org.kerege.status.complaint.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.status.StatusConfig;
import org.kerege.status.application.domain.ApplicationNumber;
import org.kerege.status.application.persistence.ApplicationEntity;

/**
 * Complaints (003 §§ on complaints): logged, answered within the legal period, and a written complaint
 * earns a complaint talon (annex 5): subject, the specialist who accepted it, date and time to the minute,
 * and (section 25) the date and time of the answer and the contact of the officer handling it.
 */
@Path("/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintResource {

    /**
     * Body of {@code POST /v1/complaints}.
     *
     * @param applicationNumber the application complained about, if any
     * @param subject           RESULT (to the Committee's leadership), RUDENESS (to the unit head),
     *                          REFUSAL (to the higher authority and/or a court), OTHER
     * @param about             whom or what the complaint is about
     * @param reasons           the reasons and demands
     * @param complainantId     the complainant's identifier, if known (lets them read the complaint with their token)
     * @param written           whether it was handed in writing (then a talon is due)
     */
    @Schema(name = "CreateComplaintRequest")
    public record CreateComplaint(
            @Pattern(regexp = "[A-Z]{2}-\\d{4}-\\d{6,12}", message = "an application number such as KZ-2026-000123")
            @Schema(example = "KZ-2026-000123") String applicationNumber,
            @NotNull(message = "is required") @Schema(example = "RUDENESS") Subject subject,
            @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String complainantName,
            @Size(max = 64, message = "at most 64 characters")
            @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only") String complainantId,
            @NotBlank(message = "is required") @Size(max = 300, message = "at most 300 characters")
            @Schema(example = "010000 Astana, Tauelsizdik avenue 1") String postalAddress,
            @NotBlank(message = "is required") @Size(max = 300, message = "at most 300 characters")
            @Schema(example = "The officer at window 3") String about,
            @NotBlank(message = "is required") @Size(max = 4000, message = "at most 4000 characters") String reasons,
            @NotNull(message = "is required") Boolean written) {
    }

    public enum Subject { RESULT, RUDENESS, REFUSAL, OTHER }

    /** The complaint talon (annex 5) and where the complaint stands. */
    public record ComplaintTalon(@Schema(example = "KZ-C-2026-000007") String number, String applicationNumber,
                                 Subject subject, String about, String acceptedBy,
                                 @Schema(example = "2026-11-20T09:00+05:00") OffsetDateTime acceptedAt,
                                 @Schema(example = "2026-12-05T09:00+05:00") OffsetDateTime answerDueAt,
                                 String handlerName, String handlerContact, boolean written,
                                 OffsetDateTime answeredAt) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final StatusConfig config;

    public ComplaintResource(EntityManager em, Caller caller, Clock clock, StatusConfig config) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Log a complaint and hand over its talon (officer)",
            description = "The answer is due after the legal period (config kerege.status.complaints.answer-period, "
                    + "15 calendar days by default: the Law of 12 January 2007 that 003 refers to). Times to the minute "
                    + "in the office's zone. 404 when the named application does not exist.")
    @APIResponse(responseCode = "201", description = "Logged; the complaint talon",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintTalon.class)))
    @Transactional
    public Response create(@Valid @NotNull(message = "the complaint is required") CreateComplaint request) {
        String office = caller.office();
        String country;
        String zone;
        if (request.applicationNumber() != null) {
            ApplicationEntity a = ApplicationEntity.findById(request.applicationNumber());
            if (a == null) {
                throw ProblemException.notFound("Application", request.applicationNumber());
            }
            country = a.country;
            zone = a.zone;
        } else {
            country = office.length() > 2 && office.charAt(2) == '.' ? office.substring(0, 2).toUpperCase() : "XX";
            zone = config.zones().containsKey(country) ? config.zones().get(country).getId() : "UTC";
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant due = now.plus(config.complaints().answerPeriod());
        long seq = ((Number) em.createNativeQuery("select nextval('complaint_number_seq')").getSingleResult()).longValue();
        String number = ApplicationNumber.complaint(country, LocalDate.ofInstant(now, ZoneId.of(zone)).getYear(), seq);
        String acceptedBy = caller.claim("name").filter(s -> !s.isBlank()).orElse(caller.subject());
        em.createNativeQuery("""
                        insert into complaint (number, application_number, office_id, complainant_id, complainant_name,
                          postal_address, about, subject, demands, written, accepted_by_name, accepted_by_subject,
                          handler_name, handler_contact, accepted_at, answer_due_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                .setParameter(1, number).setParameter(2, request.applicationNumber()).setParameter(3, office)
                .setParameter(4, request.complainantId()).setParameter(5, request.complainantName())
                .setParameter(6, request.postalAddress()).setParameter(7, request.about())
                .setParameter(8, request.subject().name()).setParameter(9, request.reasons())
                .setParameter(10, request.written()).setParameter(11, acceptedBy).setParameter(12, caller.subject())
                .setParameter(13, config.complaints().handlerName()).setParameter(14, config.complaints().handlerContact())
                .setParameter(15, Timestamp.from(now)).setParameter(16, Timestamp.from(due)).executeUpdate();
        return Response.created(URI.create("/v1/complaints/" + number)).entity(load(number)).build();
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.CITIZEN})
    @Operation(summary = "A complaint (officer of its office, admin, or the complainant's own token)",
            description = "Anyone else: 404, as for an unknown number.")
    public ComplaintTalon get(@PathParam("number") @Parameter(example = "KZ-C-2026-000007") String number) {
        if (!ApplicationNumber.isWellFormed(number)) {
            throw ProblemException.notFound("Complaint", number.length() > 40 ? number.substring(0, 40) : number);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> owner = em.createNativeQuery("select office_id, complainant_id from complaint where number = ?1")
                .setParameter(1, number).getResultList();
        if (owner.isEmpty()) {
            throw ProblemException.notFound("Complaint", number);
        }
        boolean allowed = caller.hasRole(Roles.ADMIN)
                || caller.hasRole(Roles.OFFICER) && caller.office().equals(owner.get(0)[0])
                || caller.hasRole(Roles.CITIZEN) && caller.subject().equals(owner.get(0)[1]);
        if (!allowed) {
            throw ProblemException.notFound("Complaint", number);
        }
        return load(number);
    }

    private ComplaintTalon load(String number) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select c.number, c.application_number, c.subject, c.about, c.accepted_by_name, c.accepted_at,
                               c.answer_due_at, c.handler_name, c.handler_contact, c.written, c.answered_at,
                               coalesce(a.zone, 'UTC'), c.office_id
                        from complaint c left join application a on a.number = c.application_number
                        where c.number = ?1""").setParameter(1, number).getSingleResult();
        String zone = (String) r[11];
        if (r[1] == null) {
            String office = (String) r[12];
            String country = office.length() > 2 && office.charAt(2) == '.' ? office.substring(0, 2).toUpperCase() : "XX";
            zone = config.zones().containsKey(country) ? config.zones().get(country).getId() : "UTC";
        }
        return new ComplaintTalon((String) r[0], (String) r[1], Subject.valueOf((String) r[2]), (String) r[3],
                (String) r[4], at(r[5], zone), at(r[6], zone), (String) r[7], (String) r[8], (Boolean) r[9],
                at(r[10], zone));
    }

    private static OffsetDateTime at(Object value, String zone) {
        if (value == null) {
            return null;
        }
        Instant i = value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant()
                : (Instant) value;
        return i.atZone(ZoneId.of(zone)).toOffsetDateTime();
    }
}
