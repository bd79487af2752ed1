package org.kerege.payments.invoice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;
import org.kerege.payments.invoice.domain.PaymentCode;

/** Quotes, invoices and their events through the HTTP API, on real PostgreSQL and Kafka. */
@QuarkusTest
class PaymentsApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "kerege.payments.invoice";

    static String officer() {
        return KeregeTestResource.token("officer", "officer-7", Map.of("office", "ub-central"));
    }

    static String token(String role) {
        return KeregeTestResource.token(role, "test-" + role, Map.of());
    }

    static Response issue(String token, String key, String body) {
        var spec = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.post("/v1/invoices");
    }

    static final String EXTENSION_3 = """
            {"feeCode": "mn.passport.extension", "options": {"years": 3}, "applicationRef": "MN-2026-000123"}""";

    @Nested
    class Quotes {

        @Test
        void mongolian_extension_for_three_years_is_8500_on_two_lines() {
            given().get("/v1/fees/mn.passport.extension/quote?years=3").then().statusCode(200)
                    .body("currency", equalTo("MNT")).body("totalMinor", equalTo(850000)).body("total", equalTo("8500.00"))
                    .body("lines.size()", equalTo(2))
                    .body("lines[0].account", equalTo("1401001101")).body("lines[0].amountMinor", equalTo(600000))
                    .body("lines[0].beneficiary", equalTo("ОӨУБЕГ"))
                    .body("lines[1].account", equalTo("1401002649")).body("lines[1].amountMinor", equalTo(250000))
                    .body("amountsFromSource", equalTo(true)).body("options.years", equalTo(3));
        }

        @Test
        void mongolian_new_urgent_is_42500_on_four_lines() {
            given().get("/v1/fees/mn.passport.new/quote?urgent=true").then().statusCode(200)
                    .body("totalMinor", equalTo(4250000)).body("lines.size()", equalTo(4))
                    .body("lines[2].beneficiary", equalTo("ТИТАН ИНТЕРНЭЙШНЛ ХХК")).body("lines[2].amountMinor", equalTo(870000))
                    .body("lines[3].account", equalTo("1401001101")).body("lines[3].amountMinor", equalTo(1000000));
        }

        @Test
        void uzbek_legal_entity_through_the_portal_on_an_admin_added_base_amount() {
            given().header("Authorization", "Bearer " + token("admin")).contentType("application/json")
                    .body("""
                            {"effectiveFrom": "2031-01-01", "amountMinor": 50000000, "currency": "UZS",
                             "legalSource": "test decree"}""")
                    .post("/v1/base-amounts/uz.bhm").then().statusCode(201).body("amount", equalTo("500000.00"));
            // 7 % of 500 000.00 = 35 000.00, −10 % through the portal = 31 500.00
            given().get("/v1/fees/uz.e-key/quote?applicantType=LEGAL_ENTITY&channel=PORTAL&on=2031-03-01").then()
                    .statusCode(200).body("totalMinor", equalTo(3150000)).body("currency", equalTo("UZS"))
                    .body("baseAmount.effectiveFrom", equalTo("2031-01-01"));
            // the seeded value (configuration) still applies before
            given().get("/v1/fees/uz.e-key/quote?applicantType=LEGAL_ENTITY&channel=PORTAL&on=2030-12-31").then()
                    .statusCode(200).body("totalMinor", equalTo(2362500)).body("amountsFromSource", equalTo(false));
            // never overwritten
            given().header("Authorization", "Bearer " + token("admin")).contentType("application/json")
                    .body("""
                            {"effectiveFrom": "2031-01-01", "amountMinor": 1, "currency": "UZS", "legalSource": "x"}""")
                    .post("/v1/base-amounts/uz.bhm").then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:base-amount-exists"));
        }

        @Test
        void only_an_admin_adds_base_amounts() {
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("""
                            {"effectiveFrom": "2032-01-01", "amountMinor": 1, "currency": "UZS", "legalSource": "x"}""")
                    .post("/v1/base-amounts/uz.bhm").then().statusCode(403);
        }

        @Test
        void unknown_fee_is_404_and_bad_options_are_400_with_the_field() {
            given().get("/v1/fees/mn.passport.lost/quote").then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:kerege:problem:unknown-fee"));
            given().get("/v1/fees/mn.passport.extension/quote?years=7").then().statusCode(400)
                    .body("type", equalTo("urn:kerege:problem:invalid-fee-options")).body("errors", hasKey("years"));
            given().get("/v1/fees/mn.passport.extension/quote").then().statusCode(400)
                    .body("errors.years", equalTo("required"));
            given().get("/v1/fees/mn.passport.extension/quote?years=2&on=2026-02-30").then().statusCode(400)
                    .body("errors", hasKey("on"));
        }
    }

    @Nested
    class Issuing {

        @Test
        void an_officer_issues_an_invoice_with_a_valid_payment_code() {
            Response r = issue(officer(), null, EXTENSION_3);
            r.then().statusCode(201).header("Location", containsString("/v1/invoices/"))
                    .body("status", equalTo("ISSUED")).body("totalMinor", equalTo(850000))
                    .body("applicationRef", equalTo("MN-2026-000123")).body("lines.size()", equalTo(2));
            assertTrue(PaymentCode.isValid(r.path("paymentCode")));
            String id = r.path("id");
            given().header("Authorization", "Bearer " + token("admin")).get("/v1/invoices/" + id).then().statusCode(200)
                    .body("paymentCode", equalTo(r.path("paymentCode"))).body("total", equalTo("8500.00"));
        }

        @Test
        void the_same_idempotency_key_and_body_return_the_original_response() {
            String key = UUID.randomUUID().toString();
            Response first = issue(officer(), key, EXTENSION_3);
            first.then().statusCode(201);
            Response again = issue(officer(), key, EXTENSION_3);
            again.then().statusCode(201).header("Idempotent-Replayed", "true")
                    .header("Location", equalTo(first.header("Location")));
            assertEquals(first.asString(), again.asString());
        }

        @Test
        void the_same_idempotency_key_with_another_body_is_409() {
            String key = UUID.randomUUID().toString();
            issue(officer(), key, EXTENSION_3).then().statusCode(201);
            issue(officer(), key, EXTENSION_3.replace("\"years\": 3", "\"years\": 4")).then().statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:kerege:problem:idempotency-key-reused"));
        }

        @Test
        void issuing_announces_invoice_issued_with_cloudevents_headers() {
            Response r = issue(token("service"), null, """
                    {"feeCode": "mn.passport.new", "options": {"urgent": true}}""");
            r.then().statusCode(201).body("totalMinor", equalTo(4250000));
            String id = r.path("id");
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(), TOPIC,
                        Duration.ofSeconds(2));
                TestEvents.Received e = events.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow();
                assertEquals("org.kerege.payments.invoice-issued.v1", e.headers().get("ce_type"));
                assertEquals("/kerege/payments", e.headers().get("ce_source"));
                assertEquals(id, e.headers().get("ce_subject"));
                JsonNode data = JSON.readTree(e.value());
                assertEquals(id, data.path("invoiceId").asText());
                assertEquals(r.path("paymentCode").toString(), data.path("paymentCode").asText());
                assertEquals(4250000, data.path("totalMinor").asLong());
                assertEquals("MNT", data.path("currency").asText());
                assertEquals(4, data.path("lines").size());
            });
        }

        @Test
        void a_free_service_is_refused_with_422() {
            issue(officer(), null, """
                    {"feeCode": "kz.refugee"}""").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:free-service-not-payable"));
        }

        @Test
        void bad_options_name_the_field() {
            issue(officer(), null, """
                    {"feeCode": "mn.passport.extension", "options": {"years": 9}}""").then().statusCode(400)
                    .body("errors", hasEntry(equalTo("options.years"), startsWith("must be from 1 to 5")));
            issue(officer(), null, """
                    {"feeCode": "mn.passport.extension", "options": {"years": 2}, "applicationRef": "%s"}"""
                    .formatted("x".repeat(65))).then().statusCode(400).body("errors", hasKey("applicationRef"));
        }

        @Test
        void only_officers_and_services_issue() {
            given().contentType("application/json").body(EXTENSION_3).post("/v1/invoices").then().statusCode(401);
            issue(token("citizen"), null, EXTENSION_3).then().statusCode(403);
            issue(token("bank"), null, EXTENSION_3).then().statusCode(403);
            issue(token("admin"), null, EXTENSION_3).then().statusCode(403);
        }

        @Test
        void citizens_cannot_read_invoices() {
            String id = issue(officer(), null, EXTENSION_3).path("id");
            given().header("Authorization", "Bearer " + token("citizen")).get("/v1/invoices/" + id).then().statusCode(403);
            given().get("/v1/invoices/" + id).then().statusCode(401);
            given().header("Authorization", "Bearer " + token("service")).get("/v1/invoices/" + UUID.randomUUID())
                    .then().statusCode(404);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void an_officer_cancels_an_issued_invoice_once() {
            String id = issue(officer(), null, EXTENSION_3).path("id");
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("{\"reason\": \"wrong number of years\"}").post("/v1/invoices/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("wrong number of years"));
            given().header("Authorization", "Bearer " + token("admin")).contentType("application/json")
                    .body("{\"reason\": \"again\"}").post("/v1/invoices/" + id + "/cancel")
                    .then().statusCode(409).body("type", equalTo("urn:kerege:problem:invoice-not-cancellable"));
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(), TOPIC,
                        Duration.ofSeconds(2));
                TestEvents.Received e = events.stream().filter(x -> id.equals(x.key())
                        && "org.kerege.payments.invoice-cancelled.v1".equals(x.headers().get("ce_type"))).findFirst().orElseThrow();
                assertEquals("wrong number of years", JSON.readTree(e.value()).path("reason").asText());
            });
        }

        @Test
        void a_service_may_not_cancel_and_a_reason_is_required() {
            String id = issue(officer(), null, EXTENSION_3).path("id");
            given().header("Authorization", "Bearer " + token("service")).contentType("application/json")
                    .body("{\"reason\": \"x\"}").post("/v1/invoices/" + id + "/cancel").then().statusCode(403);
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("{\"reason\": \" \"}").post("/v1/invoices/" + id + "/cancel").then().statusCode(400)
                    .body("errors", hasKey("reason"));
        }
    }
}
