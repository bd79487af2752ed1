package org.kerege.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into one RFC 9457 problem document. Callers never
 * see a stack trace; an unexpected failure is logged with an error id that the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(new Problem(Problem.type("validation-failed"), "The request is not valid", 400,
                e.getMessage(), null, Map.of(e.parameter(), "expected " + e.expected())), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Problem problem = switch (status) {
            case 400 -> new Problem(Problem.type("bad-request"), "Bad request", 400,
                    safeDetail(e, "The request could not be understood."), null, null);
            case 401 -> unauthorized();
            case 403 -> forbidden();
            case 404 -> new Problem(Problem.type("not-found"), "Not found", 404,
                    "There is nothing at this address.", null, null);
            case 405 -> new Problem(Problem.type("method-not-allowed"), "Method not allowed", 405,
                    "This address does not accept this HTTP method.", null, null);
            case 406 -> new Problem(Problem.type("not-acceptable"), "Not acceptable", 406,
                    "None of the media types in the Accept header can be produced here.", null, null);
            case 415 -> new Problem(Problem.type("unsupported-media-type"), "Unsupported media type", 415,
                    "This address does not accept the request's Content-Type.", null, null);
            default -> new Problem(Problem.type("http-" + status), statusTitle(status), status,
                    safeDetail(e, statusTitle(status)), null, null);
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(path(uri)));
        if (original != null) {
            copyHeader(original, builder, HttpHeaders.ALLOW);
            copyHeader(original, builder, HttpHeaders.WWW_AUTHENTICATE);
            copyHeader(original, builder, HttpHeaders.RETRY_AFTER);
        }
        if (status == 401 && (original == null || original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null)) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean onReturnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> lastNodeKind(v.getPropertyPath()) == ElementKind.RETURN_VALUE);
        if (onReturnValue) {
            return unexpected(e, uri);
        }
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.merge(fieldName(v.getPropertyPath()), v.getMessage(), (a, b) -> a + "; " + b);
        }
        String detail = errors.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue())
                .collect(Collectors.joining(", "));
        return respond(new Problem(Problem.type("validation-failed"), "The request is not valid", 400,
                detail, null, errors), uri);
    }

    /**
     * Quarkus REST ships its own mapper for {@link MismatchedInputException} (an empty 400); a mapper of
     * the exact type is needed to take precedence over it, so that every body of the wrong shape (a
     * number where an object is expected, a string for a list…) gets a problem document.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        Map<String, String> errors = Map.of();
        String detail = "The request body is not valid JSON.";
        if (e instanceof UnrecognizedPropertyException u) {
            String field = jsonPath(u);
            errors = Map.of(field, "unknown field");
            detail = "The request body has a field this address does not know: " + field + ".";
        } else if (e instanceof InvalidFormatException f) {
            String field = jsonPath(f);
            errors = Map.of(field, "expected " + simpleType(f.getTargetType()));
            detail = "The field " + field + " has a value of the wrong form.";
        } else if (e instanceof MismatchedInputException m) {
            String field = jsonPath(m);
            errors = field.isEmpty() ? Map.of() : Map.of(field, "expected " + simpleType(m.getTargetType()));
            detail = field.isEmpty() ? "The request body does not have the expected shape."
                    : "The field " + field + " has a value of the wrong type.";
        }
        return respond(new Problem(Problem.type("malformed-request-body"), "Malformed request body", 400,
                detail, null, errors), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(unauthorized().withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(forbidden(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "The request failed on our side. Quote error id " + errorId + " when you report it.", null,
                null), uri);
    }

    private static Problem unauthorized() {
        return new Problem(Problem.type("unauthorized"), "Authentication required", 401,
                "This address needs a valid bearer token.", null, null);
    }

    private static Problem forbidden() {
        return new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "The token's role or owner does not allow this request.", null, null);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(path(uri)))
                .build();
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        String value = from.getHeaderString(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    /** Messages that Quarkus REST puts in client errors are safe (no internals); others are not shown. */
    private static String safeDetail(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ") || message.length() > 300
                || message.contains("Exception") || message.contains("\tat ")) {
            return fallback;
        }
        return message;
    }

    private static String statusTitle(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "HTTP " + status : s.getReasonPhrase();
    }

    private static ElementKind lastNodeKind(Path path) {
        ElementKind kind = null;
        for (Path.Node node : path) {
            kind = node.getKind();
        }
        return kind;
    }

    /** A method-parameter violation path looks like {@code create.body.fee.amount}: drop method and arg. */
    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                name.setLength(0);
                name.append(node.getName());
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY && name.length() > 0 && isBodyParameter(name)) {
                name.setLength(0);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                name.append('[').append(node.getKey()).append(']');
            }
        }
        return name.length() == 0 ? "request" : name.toString();
    }

    private static boolean isBodyParameter(StringBuilder name) {
        // Bean properties of the request body are reported by their own names ("amount"), not "body.amount".
        return name.indexOf(".") < 0;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.toString(constants);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "an object";
    }
}
