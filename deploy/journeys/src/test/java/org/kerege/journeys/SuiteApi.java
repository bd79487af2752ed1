package org.kerege.journeys;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kerege.devstack.Suite;

/**
 * The public APIs of a running suite, as a portal, an officer's desk or a bank reaches them: every call
 * goes to the next instance of its service in turn, so that with two instances a journey alternates
 * between them at every step. Requests are sent once: the journeys' sequential calls stay far below the
 * services' shedding ceiling, and the tests that push past it honour Retry-After themselves (Invoices, the
 * 200 concurrent bookings of CitizenJourneysTest).
 */
final class SuiteApi {

    private final Suite suite;
    private final Map<Suite.Service, AtomicInteger> next = new ConcurrentHashMap<>();

    SuiteApi(Suite suite) {
        this.suite = suite;
    }

    Suite suite() {
        return suite;
    }

    /** The base URL of the next instance of a service. */
    String url(Suite.Service service) {
        int n = suite.instancesPerService();
        int i = next.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
        return suite.url(service, 1 + Math.floorMod(i, n));
    }

    /** A token of the suite's dev issuer. */
    String token(String role, String subject, Map<String, Object> claims) {
        return suite.token(role, subject, claims);
    }

    /** A request to the next instance of a service, as the holder of a token (null = anonymous). */
    RequestSpecification as(Suite.Service service, String token) {
        RequestSpecification spec = given().baseUri(url(service)).contentType("application/json")
                .accept("application/json, application/problem+json");
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** Same, with a fresh Idempotency-Key. */
    RequestSpecification asIdempotent(Suite.Service service, String token) {
        return as(service, token).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Fails with the response body when the status is not the expected one. */
    static Response expect(int status, Response r) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + r.statusCode() + ": " + r.asString());
        }
        return r;
    }
}
