package org.kerege.status.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;

/**
 * Applications over HTTP on real PostgreSQL and Kafka. The clock stands at Friday 20 November 2026,
 * 09:00 in Astana (04:00 UTC).
 */
@QuarkusTest
class ApplicationsApiTest {

    static final String KZ_OFFICE = "kz.astana.migration-1";
    static final String KG_OFFICE = "kg.bishkek.psc-1";

    @Inject
    EntityManager em;

    static String officer(String office) {
        return "Bearer " + KeregeTestResource.token("officer", "officer-dana", Map.of("office", office,
                "name", "Dana Serikova", "position", "Senior inspector"));
    }

    static String citizen(String subject) {
        return "Bearer " + KeregeTestResource.token("citizen", subject, Map.of());
    }

    static String service() {
        return "Bearer " + KeregeTestResource.token("service", "payments-service", Map.of());
    }

    static JsonPath submit(String office, String body) {
        return given().header("Authorization", officer(office)).contentType(ContentType.JSON).body(body)
                .post("/v1/applications").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath refugeePetition(String applicant) {
        return submit(KZ_OFFICE, """
                {"serviceCode": "kz.refugee.grant",
                 "applicant": {"id": "%s", "name": "Amina Yusufi", "language": "kk", "phone": "+77011234567"},
                 "documents": ["Petition (annex 2 form)", "Identity document of the asylum seeker"],
                 "delivery": {"choice": "PICK_UP"}}""".formatted(applicant));
    }

    static JsonPath passport(String applicant) {
        return submit(KG_OFFICE, """
                {"serviceCode": "kg.passport.id-card",
                 "applicant": {"id": "%s", "name": "Aibek Toktogulov", "language": "ky"},
                 "documents": ["Passport being replaced", "Photo 4x6"],
                 "delivery": {"choice": "HOME_DELIVERY", "address": "Bishkek, Chui avenue 120, apt. 5", "phone": "+996700123456"}}"""
                .formatted(applicant));
    }

    static void transition(String office, String number, String body, int status) {
        given().header("Authorization", officer(office)).contentType(ContentType.JSON).body(body)
                .post("/v1/applications/" + number + "/transitions").then().statusCode(status);
    }

    @Nested
    class Acceptance_talon {
        @Test
        void a_refugee_petition_is_registered_with_a_talon_and_its_3_month_clock() {
            JsonPath talon = refugeePetition("98765432101234");
            assertEquals("REGISTERED", talon.getString("state"));
            assertEquals("Dana Serikova", talon.getString("acceptedBy.name"));
            assertEquals("Senior inspector", talon.getString("acceptedBy.position"));
            assertEquals("2026-11-20T09:00:00+05:00", talon.getString("acceptedAt"));
            assertEquals(List.of("Petition (annex 2 form)", "Identity document of the asylum seeker"),
                    talon.getList("documents"));
            assertEquals("Amina Yusufi", talon.getString("applicant.name"));
            org.hamcrest.MatcherAssert.assertThat(talon.getString("number"), matchesPattern("KZ-2026-\\d{6}"));
            org.hamcrest.MatcherAssert.assertThat(talon.getString("accessCode"),
                    matchesPattern("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
            // 20 Nov 2026 + 3 months = Sat 20 Feb 2027 → Mon 22 Feb 2027.
            assertEquals("decision", talon.getString("dueDates[0].clock"));
            assertEquals("2027-02-22", talon.getString("dueDates[0].dueDate"));
        }

        @Test
        void the_access_code_is_stored_only_as_a_hash() {
            JsonPath talon = refugeePetition("11112222333344");
            String code = talon.getString("accessCode").replace("-", "");
            Object stored = em.createNativeQuery("select encode(access_code_hash, 'hex') from application where number = ?1")
                    .setParameter(1, talon.getString("number")).getSingleResult();
            assertEquals(64, stored.toString().length());
            assertFalse(stored.toString().toUpperCase().contains(code));
        }

        @Test
        void home_delivery_needs_address_and_phone() {
            given().header("Authorization", officer(KG_OFFICE)).contentType(ContentType.JSON).body("""
                    {"serviceCode": "kg.passport.id-card", "applicant": {"id": "1", "name": "A", "language": "ky"},
                     "documents": ["Photo"], "delivery": {"choice": "HOME_DELIVERY"}}""")
                    .post("/v1/applications").then().statusCode(400)
                    .body("errors.'delivery.address'", not(nullValue())).body("errors.'delivery.phone'", not(nullValue()));
        }

        @Test
        void a_meken_card_needs_its_procedure_and_the_simplified_one_is_due_in_30_days() {
            given().header("Authorization", officer(KG_OFFICE)).contentType(ContentType.JSON).body("""
                    {"serviceCode": "kg.meken-card", "applicant": {"id": "1", "name": "A", "language": "en"},
                     "documents": ["Application"], "delivery": {"choice": "PICK_UP"}}""")
                    .post("/v1/applications").then().statusCode(400).body("errors.'facts.procedure'", not(nullValue()));
            JsonPath talon = submit(KG_OFFICE, """
                    {"serviceCode": "kg.meken-card", "applicant": {"id": "1", "name": "A", "language": "en"},
                     "documents": ["Application", "Foreign passport"], "facts": {"procedure": "simplified"},
                     "delivery": {"choice": "PICK_UP"}}""");
            // 20 Nov 2026 + 30 days = Sun 20 Dec 2026 → Mon 21 Dec 2026.
            assertEquals("2026-12-21", talon.getString("dueDates[0].dueDate"));
        }

        @Test
        void only_officers_accept_applications() {
            given().header("Authorization", citizen("1")).contentType(ContentType.JSON).body("{}")
                    .post("/v1/applications").then().statusCode(403);
        }
    }

    @Nested
    class Lookup {
        @Test
        void the_right_access_code_shows_status_history_and_due_dates_without_personal_data() {
            JsonPath talon = refugeePetition("55556666777788");
            String number = talon.getString("number");
            given().header("X-Access-Code", talon.getString("accessCode").toLowerCase())
                    .get("/v1/applications/" + number).then().statusCode(200)
                    .body("number", equalTo(number)).body("state", equalTo("REGISTERED"))
                    .body("dueDates[0].dueDate", equalTo("2027-02-22"))
                    .body("history.event", equalTo(List.of("submitted", "registered")))
                    .body("nextStep", not(nullValue()))
                    .body("applicant", nullValue()).body("$", not(org.hamcrest.Matchers.hasKey("documents")));
        }

        @Test
        void a_wrong_access_code_is_the_same_404_as_an_unknown_number() {
            JsonPath talon = refugeePetition("55556666777799");
            String number = talon.getString("number");
            String wrong = given().header("X-Access-Code", "AAAA-BBBB-CCCC-DDDD").get("/v1/applications/" + number)
                    .then().statusCode(404).extract().jsonPath().getString("title");
            String unknown = given().header("X-Access-Code", "AAAA-BBBB-CCCC-DDDD").get("/v1/applications/KZ-2026-999999")
                    .then().statusCode(404).extract().jsonPath().getString("title");
            assertEquals(unknown, wrong);
            given().header("X-Access-Code", "AAAA-BBBB-CCCC-DDDD").get("/v1/applications/" + number)
                    .then().body(not(org.hamcrest.Matchers.containsString("Amina")));
        }

        @Test
        void guessing_is_throttled_per_number_with_retry_after_and_then_even_the_right_code_waits() {
            JsonPath talon = refugeePetition("12121212121212");
            String number = talon.getString("number");
            for (int i = 0; i < 5; i++) {
                given().header("X-Access-Code", "AAAA-BBBB-CCCC-DDD" + "234567".charAt(i))
                        .get("/v1/applications/" + number).then().statusCode(404);
            }
            given().header("X-Access-Code", talon.getString("accessCode")).get("/v1/applications/" + number)
                    .then().statusCode(429).header("Retry-After", not(nullValue()))
                    .contentType("application/problem+json");
        }

        @Test
        void the_applicant_sees_their_own_record_and_another_citizen_gets_404() {
            JsonPath talon = refugeePetition("33334444555566");
            String number = talon.getString("number");
            given().header("Authorization", citizen("33334444555566")).get("/v1/applications/" + number)
                    .then().statusCode(200).body("applicant.name", equalTo("Amina Yusufi"));
            given().header("Authorization", citizen("99999999999999")).get("/v1/applications/" + number)
                    .then().statusCode(404).body(not(org.hamcrest.Matchers.containsString("Amina")));
        }

        @Test
        void an_officer_of_another_office_is_refused_and_no_token_is_401() {
            String number = refugeePetition("33334444555577").getString("number");
            given().header("Authorization", officer("kz.almaty.migration-2")).get("/v1/applications/" + number)
                    .then().statusCode(403);
            given().get("/v1/applications/" + number).then().statusCode(401);
        }
    }

    @Nested
    class Transitions {
        @Test
        void a_friday_deferral_recomputes_the_decision_and_the_written_notice_is_due_tuesday() {
            String number = refugeePetition("44445555666677").getString("number");
            transition(KZ_OFFICE, number, "{\"event\": \"review-started\"}", 200);
            transition(KZ_OFFICE, number, "{\"event\": \"deferred\", \"newDecisionDate\": \"2027-11-19\"}", 422);
            JsonPath after = given().header("Authorization", officer(KZ_OFFICE)).contentType(ContentType.JSON)
                    .body("{\"event\": \"deferred\", \"newDecisionDate\": \"2027-12-01\"}")
                    .post("/v1/applications/" + number + "/transitions").then().statusCode(200).extract().jsonPath();
            assertEquals("DEFERRED", after.getString("state"));
            assertEquals("2027-12-01", after.getString("dueDates.find { it.clock == 'decision' }.dueDate"));
            assertEquals("2026-11-24", after.getString("dueDates.find { it.clock == 'deferral-notice' }.dueDate"));
        }

        @Test
        void an_illegal_transition_is_409_and_changes_nothing() {
            String number = refugeePetition("44445555666688").getString("number");
            given().header("Authorization", officer(KZ_OFFICE)).contentType(ContentType.JSON)
                    .body("{\"event\": \"issued\"}").post("/v1/applications/" + number + "/transitions")
                    .then().statusCode(409).body("type", equalTo("urn:kerege:problem:illegal-transition"));
            given().header("Authorization", officer(KZ_OFFICE)).get("/v1/applications/" + number).then()
                    .statusCode(200).body("state", equalTo("REGISTERED")).body("history.size()", equalTo(2));
        }

        @Test
        void a_refugee_refusal_names_grounds_of_003() {
            String number = refugeePetition("44445555666699").getString("number");
            transition(KZ_OFFICE, number, "{\"event\": \"review-started\"}", 200);
            transition(KZ_OFFICE, number, "{\"event\": \"refused\"}", 400);
            transition(KZ_OFFICE, number, "{\"event\": \"refused\", \"reasons\": [\"bad mood\"]}", 422);
            transition(KZ_OFFICE, number, "{\"event\": \"refused\", \"reasons\": [\"safe-third-country\"]}", 200);
        }

        @Test
        void another_office_cannot_move_an_application() {
            String number = refugeePetition("44445555666611").getString("number");
            transition("kz.almaty.migration-2", number, "{\"event\": \"review-started\"}", 403);
        }

        @Test
        void the_work_queue_lists_open_applications_by_due_date() {
            String number = refugeePetition("44445555666622").getString("number");
            given().header("Authorization", officer(KZ_OFFICE)).get("/v1/applications").then().statusCode(200)
                    .body("number", hasItem(number));
            given().header("Authorization", officer(KZ_OFFICE)).queryParam("overdue", true).get("/v1/applications")
                    .then().statusCode(200).body("number", not(hasItem(number)));
            given().header("Authorization", officer(KZ_OFFICE)).queryParam("office", KG_OFFICE).get("/v1/applications")
                    .then().statusCode(403);
        }
    }

    @Nested
    class Payment_received {
        static final String TOPIC = "kerege.payments.invoice";

        static void paid(UUID eventId, String invoiceId, String number) {
            TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), TOPIC, invoiceId, eventId,
                    "org.kerege.payments.payment-received.v1", "/kerege/payments", """
                            {"paymentId": "%s", "invoiceId": "%s", "paymentCode": "KG4Q7M2X9", "applicationRef": "%s",
                             "feeCode": "kg.passport.id-card", "amountMinor": 120000, "currency": "KGS", "bank": "halyk-kg",
                             "paidAt": "2026-11-20T04:30:00Z"}""".formatted(UUID.randomUUID(), invoiceId, number));
        }

        @Test
        void moves_the_application_to_fee_paid_exactly_once_even_when_delivered_twice_and_paid_twice() {
            String number = passport("77778888999900").getString("number");
            String invoice = UUID.randomUUID().toString();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            paid(first, invoice, number);
            paid(first, invoice, number);
            paid(second, invoice, number);
            Eventually.within(Duration.ofSeconds(60), () -> assertEquals(1L, ((Number) em.createNativeQuery(
                    "select count(*) from inbox_event where event_id = ?1").setParameter(1, second)
                    .getSingleResult()).longValue()));
            given().header("Authorization", officer(KG_OFFICE)).get("/v1/applications/" + number).then()
                    .statusCode(200).body("state", equalTo("FEE_PAID"))
                    .body("history.findAll { it.event == 'fee-paid' }.size()", equalTo(1))
                    .body("history.find { it.event == 'fee-paid' }.actorRole", equalTo("service"));
            assertEquals(1L, ((Number) em.createNativeQuery("""
                    select count(*) from outbox_event where aggregate_id = ?1
                    and event_type = 'org.kerege.status.application-status-changed.v1' and payload->>'event' = 'fee-paid'""")
                    .setParameter(1, number).getSingleResult()).longValue());
        }

        @Test
        void the_notification_carries_the_applicants_language_and_never_the_access_code() {
            JsonPath talon = passport("77778888999911");
            String code = talon.getString("accessCode");
            @SuppressWarnings("unchecked")
            List<Object> payloads = em.createNativeQuery("""
                    select payload::text from outbox_event
                    where event_type = 'org.kerege.status.notification-requested.v1' and payload->>'reference' = ?1""")
                    .setParameter(1, talon.getString("number")).getResultList();
            assertFalse(payloads.isEmpty());
            for (Object p : payloads) {
                assertFalse(p.toString().contains(code) || p.toString().contains(code.replace("-", "")), p.toString());
                org.hamcrest.MatcherAssert.assertThat(p.toString(), org.hamcrest.Matchers.containsString("\"language\": \"ky\""));
            }
        }
    }
}
