package org.kerege.appointments.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;

/**
 * appointments-service takes booking policies from catalog.published events that arrive on real
 * Kafka, applies each event once, and dead-letters what it cannot read.
 */
@QuarkusTest
class CatalogPublishedConsumerTest {

    static final String TOPIC = "kerege.requirements.catalog";
    static final String V1 = "org.kerege.requirements.catalog-published.v1";
    static final AtomicInteger VERSIONS = new AtomicInteger(100);

    static String catalog(int version, String refugeePolicy) {
        return """
                {"catalogVersion": %d, "publishedAt": "2026-11-21T10:00:00Z", "services": [
                  {"code": "kz.refugee.grant", "country": "KZ", "titleEn": "Granting refugee status",
                   "effectiveFrom": "2012-10-19", "effectiveTo": "2014-05-10", "bookingPolicy": "%s",
                   "minServiceMinutes": 15, "maxServiceMinutes": 30,
                   "reviewWindows": [{"condition": "true", "amount": 3, "unit": "MONTHS", "startsOn": "registration"}],
                   "resultValidity": [], "feeCode": "kz.refugee"},
                  {"code": "kg.passport.id-card", "country": "KG", "titleEn": "ID card", "effectiveFrom": null,
                   "effectiveTo": null, "bookingPolicy": "ONLINE_AND_WALK_IN", "minServiceMinutes": null,
                   "maxServiceMinutes": null, "reviewWindows": [], "resultValidity": [], "feeCode": "kg.passport.id-card"}
                ]}""".formatted(version, refugeePolicy);
    }

    static String bootstrap() {
        return KeregeTestResource.kafka().bootstrapServers();
    }

    static long count(String sql, Object... args) throws Exception {
        try (Connection c = KeregeTestResource.postgres().connect("kerege");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Nested
    class Applying {

        @Test
        void applies_a_published_catalog_once_even_when_kafka_delivers_it_twice() throws Exception {
            int version = VERSIONS.incrementAndGet();
            UUID id = UUID.randomUUID();
            TestEvents.send(bootstrap(), TOPIC, "catalog", id, V1, "/kerege/requirements", catalog(version, "WALK_IN_ONLY"));
            TestEvents.send(bootstrap(), TOPIC, "catalog", id, V1, "/kerege/requirements", catalog(version, "WALK_IN_ONLY"));

            Eventually.within(Duration.ofSeconds(30), () -> given().get("/v1/booking-policies/kz.refugee.grant?on=2013-06-03")
                    .then().statusCode(200).body("bookingPolicy", equalTo("WALK_IN_ONLY"))
                    .body("catalogVersion", equalTo(version)).body("maxServiceMinutes", equalTo(30)));
            Eventually.within(Duration.ofSeconds(10), () -> assertEquals(1L, count(
                    "select count(*) from appointments.inbox_event where event_id = ?", id)));
            assertEquals(1L, count("select count(*) from appointments.received_version where stream = 'catalog' and version = ?",
                    version));
        }

        @Test
        void answers_for_the_date_asked_and_says_when_a_service_was_not_in_force() {
            int version = VERSIONS.incrementAndGet();
            TestEvents.send(bootstrap(), TOPIC, "catalog", UUID.randomUUID(), V1, "/kerege/requirements",
                    catalog(version, "WALK_IN_ONLY"));
            Eventually.within(Duration.ofSeconds(30), () -> given().get("/v1/booking-policies/kz.refugee.grant?on=2013-06-03")
                    .then().statusCode(200).body("catalogVersion", equalTo(version)));
            given().get("/v1/booking-policies/kz.refugee.grant?on=2020-01-01").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:kerege:problem:not-in-force"));
            given().get("/v1/booking-policies/kz.refugee.grant?on=2026-13-45").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:kerege:problem:validation-failed"))
                    .body("errors.on", org.hamcrest.Matchers.containsString("ISO date"));
            given().get("/v1/booking-policies/no.such.service").then().statusCode(404)
                    .body("type", equalTo("urn:kerege:problem:not-found"));
        }

        @Test
        void an_older_catalog_version_arriving_late_never_replaces_a_newer_one() throws Exception {
            int newer = VERSIONS.incrementAndGet();
            TestEvents.send(bootstrap(), TOPIC, "catalog", UUID.randomUUID(), V1, "/kerege/requirements",
                    catalog(newer, "WALK_IN_ONLY"));
            UUID late = UUID.randomUUID();
            TestEvents.send(bootstrap(), TOPIC, "catalog", late, V1, "/kerege/requirements", catalog(3, "BOOKING_ONLY"));
            Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1L, count(
                    "select count(*) from appointments.inbox_event where event_id = ?", late)));
            given().get("/v1/booking-policies/kz.refugee.grant?on=2013-06-03").then().statusCode(200)
                    .body("bookingPolicy", equalTo("WALK_IN_ONLY"));
            assertTrue((Integer) given().get("/v1/booking-policies/kz.refugee.grant?on=2013-06-03").then().extract()
                    .path("catalogVersion") >= newer);
        }
    }

    @Nested
    class DeadLetters {

        @Test
        void an_unknown_version_of_a_known_event_is_dead_lettered_with_the_reason() {
            UUID id = UUID.randomUUID();
            TestEvents.send(bootstrap(), TOPIC, "catalog", id, "org.kerege.requirements.catalog-published.v9",
                    "/kerege/requirements", "{\"whatever\": 1}");
            assertDeadLettered(id, "unsupported event version");
        }

        @Test
        void an_invalid_payload_is_dead_lettered_and_not_applied() throws Exception {
            UUID id = UUID.randomUUID();
            TestEvents.send(bootstrap(), TOPIC, "catalog", id, V1, "/kerege/requirements",
                    "{\"catalogVersion\": \"seven\", \"services\": 3}");
            assertDeadLettered(id, "invalid event");
            assertEquals(0L, count("select count(*) from appointments.inbox_event where event_id = ?", id));
        }

        @Test
        void a_handler_that_keeps_failing_is_dead_lettered_after_its_retries() throws Exception {
            UUID id = UUID.randomUUID();
            // An unknown booking policy makes the handler throw on every attempt.
            TestEvents.send(bootstrap(), TOPIC, "catalog", id, V1, "/kerege/requirements",
                    catalog(VERSIONS.incrementAndGet(), "BY_CARRIER_PIGEON"));
            assertDeadLettered(id, "handler failed 5 times");
            assertEquals(0L, count("select count(*) from appointments.inbox_event where event_id = ?", id));
        }

        private void assertDeadLettered(UUID id, String reason) {
            Eventually.within(Duration.ofSeconds(60), () -> {
                List<TestEvents.Received> dead = TestEvents.readAll(bootstrap(), TOPIC + ".dlq", Duration.ofSeconds(2));
                TestEvents.Received letter = dead.stream().filter(r -> id.toString().equals(r.headers().get("ce_id")))
                        .findFirst().orElseThrow(() -> new AssertionError("not dead-lettered yet"));
                assertTrue(letter.headers().get("kerege_dlq_reason").contains(reason), letter.headers().toString());
                assertEquals(TOPIC, letter.headers().get("kerege_dlq_topic"));
                assertEquals("appointments-service", letter.headers().get("kerege_dlq_consumer"));
            });
        }
    }
}
