package org.kerege.requirements.catalog.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kerege.platform.problem.Problem;
import org.kerege.platform.problem.ProblemException;
import org.kerege.requirements.catalog.domain.CatalogLoadException;
import org.kerege.requirements.catalog.domain.CatalogProblem;
import org.kerege.requirements.catalog.domain.CatalogRejectedException;
import org.kerege.requirements.catalog.domain.FactError;

/** Problem documents for the catalog's own refusals. */
public class CatalogProblems {

    @ServerExceptionMapper
    public Response rejected(CatalogRejectedException e, UriInfo uri) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (CatalogProblem p : e.problems()) {
            errors.merge(p.code() + " " + p.path(), p.kind() + ": " + p.message(), (a, b) -> a + "; " + b);
        }
        Problem problem = new Problem(Problem.type("catalog-rejected"), "The catalog was not published", 422,
                e.problems().size() + " problem(s) found; nothing was published.", uri.getPath(), errors);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unreadable(CatalogLoadException e, UriInfo uri) {
        Problem problem = new Problem(Problem.type("malformed-catalog"), "The catalog files cannot be read", 400,
                e.getMessage(), uri.getPath(), null);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Unknown facts or wrong types are malformed requests (400); impossible values break a rule (422). */
    static ProblemException invalidFacts(List<FactError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        boolean malformed = false;
        for (FactError error : errors) {
            byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            malformed |= error.kind() == FactError.Kind.UNKNOWN_FACT || error.kind() == FactError.Kind.WRONG_TYPE;
        }
        return malformed
                ? new ProblemException(400, "invalid-facts", "The applicant facts are not valid",
                "Unknown fact names or values of the wrong type: " + String.join(", ", byField.keySet()), byField)
                : new ProblemException(422, "impossible-facts", "The applicant facts are impossible",
                "These facts cannot be true: " + String.join(", ", byField.keySet()), byField);
    }
}
