package org.kerege.platform.problem;

import java.util.Map;

/**
 * Thrown by application code to answer with a problem document. The name is the stable part of the
 * type URI; the title describes the kind of problem, the detail this occurrence.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String name;
    private final String title;
    private final Map<String, String> errors;

    public ProblemException(int status, String name, String title, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.name = name;
        this.title = title;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public ProblemException(int status, String name, String title, String detail) {
        this(status, name, title, detail, Map.of());
    }

    /** 404: the named resource does not exist (or the caller may not know that it does). */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " '" + id + "' does not exist");
    }

    /** 400: a request field or parameter is malformed. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation-failed", "The request is not valid",
                field + ": " + message, Map.of(field, message));
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String name, String title, String detail) {
        return new ProblemException(409, name, title, detail);
    }

    /** 422: the request is well-formed but a business rule says no. */
    public static ProblemException ruleViolated(String name, String title, String detail) {
        return new ProblemException(422, name, title, detail);
    }

    public int status() {
        return status;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem(Problem.type(name), title, status, getMessage(), null, errors);
    }
}
