package org.kerege.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The one error shape of Kerege: an RFC 9457 problem document ({@code application/problem+json}).
 *
 * @param type   stable URI of the kind of problem, {@code urn:kerege:problem:<kebab-name>}
 * @param title  short human summary of the kind of problem
 * @param status the HTTP status code
 * @param detail human explanation of this occurrence (never a stack trace, never personal data)
 * @param instance the request path the problem occurred on
 * @param errors offending fields: field (or parameter) name to message; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors) {

    /** Media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "urn:kerege:problem:";

    /** Builds the type URI of a problem from its kebab-case name, e.g. {@code not-found}. */
    public static String type(String kebabName) {
        return TYPE_PREFIX + kebabName;
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
