package org.kerege.requirements.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.problem.ProblemException;
import org.kerege.requirements.catalog.domain.ApplicantFacts;
import org.kerege.requirements.catalog.domain.CatalogVersion;
import org.kerege.requirements.catalog.domain.Checklist;
import org.kerege.requirements.catalog.domain.EntryLookup;
import org.kerege.requirements.catalog.domain.Facts;
import org.kerege.requirements.catalog.domain.FactsValidation;
import org.kerege.requirements.catalog.domain.FactsValidator;
import org.kerege.requirements.catalog.domain.LanguagePreference;
import org.kerege.requirements.catalog.domain.LocalizedText;
import org.kerege.requirements.catalog.domain.ServiceEntry;
import org.kerege.requirements.catalog.persistence.CatalogStore;

/**
 * The public catalog: which services exist, what each required on a date, and the personal
 * checklist for an applicant's situation. Text in the language of {@code Accept-Language}.
 */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Services")
@PermitAll
public class ServiceResource {

    private static final FactsValidator FACTS = new FactsValidator(Facts.standard());

    /** The checklist answer's content type, the same whichever path ({@link ChecklistFilter} or this) answers. */
    static final String CHECKLIST_TYPE = MediaType.APPLICATION_JSON;

    private static final TypeReference<Map<String, Object>> FACTS_TYPE = new TypeReference<>() {
    };

    private final CatalogStore store;
    private final Clock clock;
    private final RenderedChecklists rendered;
    private final ObjectMapper json;

    public ServiceResource(CatalogStore store, Clock clock, RenderedChecklists rendered, ObjectMapper json) {
        this.store = store;
        this.clock = clock;
        this.rendered = rendered;
        this.json = json;
    }

    /** One line of the service list. */
    public record ServiceSummary(String code, String country, String title, String language, EntryLookup.Status status,
                                 LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    /**
     * A service as it stood on a date: whether it was in force, and its full checklist for an
     * applicant about whom nothing is known yet (documents that depend on the situation are marked
     * conditional, with their condition).
     */
    public record ServiceView(String code, LocalDate on, int catalogVersion, EntryLookup.Status status,
                              LocalDate noLongerInForceSince, String repealedBy, Checklist entry) {
    }

    @GET
    @Operation(summary = "Services of the catalog, optionally of one country, with their status on a date")
    public Response list(
            @Parameter(description = "ISO 3166 alpha-2", example = "KG") @QueryParam("country")
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code, e.g. KG") String country,
            @Parameter(description = "ISO date; today (UTC) when absent", example = "2026-11-21") @QueryParam("on") LocalDate on,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CatalogVersion version = current();
        LocalDate date = dateOrToday(on, clock);
        LanguagePreference languages = LanguagePreference.fromAcceptLanguage(acceptLanguage);
        List<ServiceSummary> services = version.codes().stream()
                .map(code -> version.lookup(code, date))
                .filter(l -> country == null || country.equals(entryOf(version, l).country()))
                .map(l -> summary(version, l, languages))
                .sorted(Comparator.comparing(ServiceSummary::code)).toList();
        String language = services.isEmpty() ? "en" : services.get(0).language();
        return Response.ok(services).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A service as it stood on a date, with every document it may require")
    public Response get(@Parameter(example = "mn.passport.extension") @PathParam("code") String code,
                        @Parameter(description = "ISO date; today (UTC) when absent", example = "2013-06-03")
                        @QueryParam("on") LocalDate on,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CatalogVersion version = current();
        LocalDate date = dateOrToday(on, clock);
        EntryLookup lookup = known(version, code, date);
        LanguagePreference languages = LanguagePreference.fromAcceptLanguage(acceptLanguage);
        ServiceEntry entry = entryOf(version, lookup);
        Checklist checklist = version.evaluator().evaluate(entry, ApplicantFacts.empty(), languages);
        String repealedBy = lookup.repeal().map(r -> text(r.by(), languages, entry)).orElse(null);
        ServiceView view = new ServiceView(code, date, version.number(), lookup.status(),
                lookup.status() == EntryLookup.Status.NO_LONGER_IN_FORCE ? lookup.since() : null, repealedBy, checklist);
        return Response.ok(view).header(HttpHeaders.CONTENT_LANGUAGE, checklist.language()).build();
    }

    @POST
    @Path("/{code}/checklist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The personal checklist: eligibility, documents with the reason each applies, clocks, fee",
            description = "Unknown fact names and values of the wrong type answer 400 (invalid-facts); impossible "
                    + "values such as age -3 answer 422 (impossible-facts); a service not in force on the date "
                    + "answers 422 (not-in-force).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class),
            examples = @ExampleObject(name = "Former citizen in Germany",
                    value = "{\"citizenship\": \"DE\", \"category\": \"former-citizen\", \"procedure\": \"general\", "
                            + "\"applyingAtMissionAbroad\": true}")))
    public Uni<Response> checklist(
            @Parameter(example = "kg.meken-card") @PathParam("code") String code,
            @Parameter(description = "ISO date; today (UTC) when absent") @QueryParam("on") LocalDate on,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            RoutingContext request) throws JsonProcessingException {
        // The body was read by ChecklistFilter (which answers a request already answered before the REST layer) and
        // is found in the routing context: the REST layer cannot read a request body a second time.
        Map<String, Object> facts = factsOf(request);
        if (facts == null) {
            // Checked by hand, not with @NotNull: a constraint would put Hibernate Validator's method interceptor
            // around every checklist call of the portal (a tenth of its time in bench/checklist's profile).
            throw ProblemException.invalidField("facts", "the applicant facts are required, e.g. {\"age\": 30}");
        }
        RenderedChecklists.RequestKey asReceived = request.get(ChecklistFilter.REQUEST_KEY);
        // The hot path of the portal: with the catalog in memory, validating the facts, evaluating the rules and
        // writing the (usually cached) answer is CPU work of microseconds, done on the event loop without a hop to a
        // worker thread. Only when the newest catalog number must be read again from the database (every 2 s, or
        // the version is not loaded yet) does the request go to a worker thread.
        Optional<CatalogVersion> inMemory = store.currentInMemory();
        if (inMemory.isPresent()) {
            return Uni.createFrom().item(checklist(inMemory.get(), code, on, acceptLanguage, facts, asReceived));
        }
        return Uni.createFrom().item(() -> checklist(current(), code, on, acceptLanguage, facts, asReceived))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Map<String, Object> factsOf(RoutingContext request) throws JsonProcessingException {
        Buffer body = request.body().buffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return json.readValue(body.getBytes(), FACTS_TYPE);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array: not expected
        }
    }

    private Response checklist(CatalogVersion version, String code, LocalDate on, String acceptLanguage,
                               Map<String, Object> facts, RenderedChecklists.RequestKey asReceived) {
        LocalDate date = dateOrToday(on, clock);
        EntryLookup lookup = known(version, code, date);
        if (!lookup.inForce()) {
            throw new ProblemException(422, "not-in-force", "Service not in force",
                    "Service '" + code + "' was not in force on " + date + (lookup.since() == null ? "."
                            : " (" + lookup.status().name().toLowerCase().replace('_', ' ') + " since " + lookup.since() + ")."));
        }
        FactsValidation validation = FACTS.validate(facts);
        if (!validation.valid()) {
            throw CatalogProblems.invalidFacts(validation.errors());
        }
        LanguagePreference languages = LanguagePreference.fromAcceptLanguage(acceptLanguage);
        RenderedChecklists.Rendered answer = rendered.render(version.number(), lookup.entry(), validation.facts(),
                languages.languages(), () -> version.evaluator().evaluate(lookup.entry(), validation.facts(), languages));
        if (asReceived != null && asReceived.catalogVersion() == version.number() && asReceived.code().equals(code)
                && asReceived.date().equals(date)) {
            rendered.remember(asReceived, answer);
        }
        return Response.ok(answer.json(), CHECKLIST_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, answer.language()).build();
    }

    private CatalogVersion current() {
        return store.current().orElseThrow(() -> new ProblemException(503, "catalog-not-published",
                "No catalog yet", "No catalog version has been published yet."));
    }

    /** The date a request asks about: {@code ?on=}, or today in UTC when absent (also {@link ChecklistFilter}'s key). */
    static LocalDate dateOrToday(LocalDate on, Clock clock) {
        return on != null ? on : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static EntryLookup known(CatalogVersion version, String code, LocalDate date) {
        EntryLookup lookup = version.lookup(code, date);
        if (lookup.status() == EntryLookup.Status.UNKNOWN_CODE) {
            throw ProblemException.notFound("Service", code);
        }
        return lookup;
    }

    /** The entry that answers for a lookup: the one in force, else the nearest in time. */
    private static ServiceEntry entryOf(CatalogVersion version, EntryLookup lookup) {
        if (lookup.entry() != null) {
            return lookup.entry();
        }
        List<ServiceEntry> history = version.history(lookup.code());
        return lookup.status() == EntryLookup.Status.NOT_YET_IN_FORCE ? history.get(0) : history.get(history.size() - 1);
    }

    private static ServiceSummary summary(CatalogVersion version, EntryLookup lookup, LanguagePreference languages) {
        ServiceEntry entry = entryOf(version, lookup);
        LocalizedText.ResolvedText title = entry.title().resolve(languages.languages(), entry.sourceLanguage());
        return new ServiceSummary(entry.code(), entry.country(), title.text(), title.language(), lookup.status(),
                entry.effectiveFrom(), entry.effectiveTo());
    }

    private static String text(LocalizedText text, LanguagePreference languages, ServiceEntry entry) {
        return text.isEmpty() ? null : text.resolve(languages.languages(), entry.sourceLanguage()).text();
    }
}
