package org.kerege.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;

/**
 * The checks every Kerege service passes, whatever its domain: readiness that really checks the
 * database, the migrations and Kafka; the committed OpenAPI contract; RFC 9457 problems for every
 * malformed or hostile request on every route; metrics; Swagger UI.
 *
 * <p>A service runs them with {@code @QuarkusTest class FoundationTest extends ServiceFoundationChecks {}}.
 */
public abstract class ServiceFoundationChecks {

    @Test
    void readiness_checks_database_migrations_and_kafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Database migrations",
                        "Kafka connection health check"));
    }

    @Test
    void liveness_is_up() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openapi_document_matches_the_committed_contract() throws IOException {
        String generated = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenApiContract.assertMatchesCommitted(generated, OpenApiContract.committedFile());
    }

    @Test
    void every_route_answers_hostile_requests_with_problem_documents() throws IOException {
        String document = given().queryParam("format", "json").get("/q/openapi").then().extract().asString();
        HostileRequests.Result result = HostileRequests.run(document, ServiceFoundationChecks::tokenFor);
        assertTrue(result.findings().isEmpty(), result::describe);
    }

    @Test
    void a_forged_token_is_refused_with_a_problem_document() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/surely/not/a/route").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(404)))
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** A token for the role, with the claims that role carries. */
    protected static String tokenFor(String role) {
        Map<String, Object> claims = switch (role) {
            case "officer" -> Map.of("office", "test-office");
            case "bank" -> Map.of("bank", "test-bank");
            default -> Map.of();
        };
        return KeregeTestResource.token(role, "test-" + role, claims);
    }
}
