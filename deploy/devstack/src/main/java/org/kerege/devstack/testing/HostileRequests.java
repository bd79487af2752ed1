package org.kerege.devstack.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Throws malformed and hostile requests at every operation of a service's OpenAPI document and
 * collects every answer that is not a clean client error: a 5xx, or a 4xx that is not an RFC 9457
 * problem document of the {@code urn:kerege:problem:} scheme.
 *
 * <p>Requests are sent without a token and with a token of each role, so that the checks reach past
 * authentication into parameter conversion, body parsing and validation.
 */
public final class HostileRequests {

    /** Roles of contracts.md; a token of each is tried. */
    public static final List<String> ROLES = List.of("citizen", "officer", "bank", "partner", "admin", "service");

    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "a".repeat(300), "-1", "0",
            "%F0%9F%98%80", "%3Cscript%3E", "9999999999999999999999");

    private static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "'", "-999999999999999999999", "2026-13-45", "%00", "x".repeat(2000));

    private static final List<String> MALFORMED_BODIES = List.of(
            "{\"unterminated\": ", "[]", "\"text\"", "12", "{\"surely-unknown-field\": true}",
            "{" + "\"a\":{".repeat(60) + "}".repeat(61), "null", "");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Function<String, String> tokenForRole;
    private final List<String> findings = new ArrayList<>();
    private int requests;

    private HostileRequests(JsonNode document, Function<String, String> tokenForRole) {
        this.document = document;
        this.tokenForRole = tokenForRole;
    }

    /**
     * Runs every check against the service RestAssured points at.
     *
     * @param openApiJson  the service's generated OpenAPI document
     * @param tokenForRole a bearer token for a role name (see {@link #ROLES})
     * @return human-readable findings; empty when every answer was acceptable
     */
    public static Result run(String openApiJson, Function<String, String> tokenForRole) throws IOException {
        HostileRequests checks = new HostileRequests(JSON.readTree(openApiJson), tokenForRole);
        checks.runAll();
        return new Result(checks.requests, List.copyOf(checks.findings));
    }

    /** What the run found. */
    public record Result(int requests, List<String> findings) {
        public String describe() {
            return findings.size() + " bad answers out of " + requests + " hostile requests:\n  "
                    + String.join("\n  ", findings);
        }
    }

    private void runAll() {
        unknownPath();
        JsonNode paths = document.path("paths");
        Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            Set<String> declared = new LinkedHashSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    declared.add(m);
                }
            });
            for (String method : declared) {
                operation(path.getKey(), method, path.getValue().path(method));
            }
            for (String method : METHODS) {
                if (!declared.contains(method)) {
                    String url = fillPath(path.getKey(), "1");
                    expectClientError("undeclared " + method.toUpperCase() + " " + url,
                            send(authorized("admin"), method, url), true);
                }
            }
        }
    }

    private void unknownPath() {
        String url = "/surely/not/a/route/" + System.nanoTime();
        Response r = send(given(), "get", url);
        if (r.statusCode() != 404) {
            findings.add("GET " + url + ": expected 404, got " + r.statusCode());
        }
        expectClientError("GET " + url, r, true);
    }

    private void operation(String template, String method, JsonNode op) {
        String label = method.toUpperCase() + " " + template;
        boolean hasBody = op.has("requestBody");

        // Without a token: a public operation may answer 2xx; otherwise 401.
        expectClientError(label + " (no token)", send(given(), method, fillPath(template, "1")), false);

        for (String segment : HOSTILE_SEGMENTS) {
            if (!template.contains("{")) {
                break;
            }
            String url = fillPath(template, segment);
            expectClientError(label + " path=" + abbreviate(segment), send(authorized("admin"), method, url), false);
        }
        for (String role : ROLES) {
            String url = fillPath(template, "1");
            for (JsonNode param : op.path("parameters")) {
                if ("query".equals(param.path("in").asText())) {
                    for (String value : HOSTILE_QUERY_VALUES) {
                        RequestSpecification spec = authorized(role).urlEncodingEnabled(true)
                                .queryParam(param.path("name").asText(), value);
                        expectClientError(label + " as " + role + " ?" + param.path("name").asText() + "="
                                + abbreviate(value), send(spec, method, url), false);
                    }
                }
            }
            if (hasBody) {
                for (String body : MALFORMED_BODIES) {
                    RequestSpecification spec = authorized(role).contentType("application/json").body(body);
                    expectClientError(label + " as " + role + " body=" + abbreviate(body), send(spec, method, url), true);
                }
                RequestSpecification wrongType = authorized(role).contentType("text/plain").body("hello");
                expectClientError(label + " as " + role + " text/plain", send(wrongType, method, url), true);
            }
        }
    }

    private RequestSpecification authorized(String role) {
        return given().header("Authorization", "Bearer " + tokenForRole.apply(role));
    }

    private Response send(RequestSpecification spec, String method, String url) {
        requests++;
        return spec.urlEncodingEnabled(false).redirects().follow(false).request(method.toUpperCase(), url);
    }

    private void expectClientError(String label, Response r, boolean mustBeError) {
        int status = r.statusCode();
        if (status >= 500) {
            findings.add(label + ": " + status + " " + abbreviate(r.asString()));
            return;
        }
        if (status < 400) {
            if (mustBeError) {
                findings.add(label + ": expected a 4xx problem, got " + status);
            }
            return;
        }
        String contentType = r.contentType() == null ? "" : r.contentType();
        if (!contentType.startsWith("application/problem+json")) {
            findings.add(label + ": " + status + " with Content-Type '" + contentType + "', not a problem document");
            return;
        }
        try {
            JsonNode body = JSON.readTree(r.asString());
            if (!body.path("type").asText().startsWith("urn:kerege:problem:") || body.path("status").asInt() != status
                    || body.path("title").asText().isEmpty()) {
                findings.add(label + ": problem document lacks type/title/status: " + abbreviate(r.asString()));
            }
            if (r.asString().contains("Exception") || r.asString().contains("\tat ")) {
                findings.add(label + ": problem document leaks internals: " + abbreviate(r.asString()));
            }
        } catch (IOException e) {
            findings.add(label + ": problem body is not JSON: " + abbreviate(r.asString()));
        }
    }

    private static String fillPath(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
