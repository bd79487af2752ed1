package org.kerege.requirements.catalog.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;

@QuarkusTest
class CatalogApiTest {

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    static String token(String role) {
        return "Bearer " + KeregeTestResource.token(role, "test-" + role, Map.of());
    }

    /** The version number in a catalog-published event's JSON data. */
    static int catalogVersionOf(TestEvents.Received event) {
        try {
            return new ObjectMapper().readTree(event.value()).path("catalogVersion").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    @Nested
    class FirstStart {

        @Test
        void publishes_the_shipped_catalog_as_version_1_and_announces_it_on_kafka() {
            given().get("/v1/catalog/versions").then().statusCode(200)
                    .body("find { it.number == 1 }.source", equalTo("shipped"))
                    .body("find { it.number == 1 }.services", equalTo(18));
            Eventually.within(Duration.ofSeconds(60), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        "kerege.requirements.catalog", Duration.ofSeconds(2));
                TestEvents.Received first = events.stream()
                        .filter(e -> catalogVersionOf(e) == 1).findFirst()
                        .orElseThrow(() -> new AssertionError("catalog-published v1 not on Kafka yet: " + events.size()));
                assertEquals("catalog", first.key());
                assertEquals("org.kerege.requirements.catalog-published.v1", first.headers().get("ce_type"));
                assertEquals("/kerege/requirements", first.headers().get("ce_source"));
                assertEquals("catalog", first.headers().get("ce_subject"));
                assertEquals("1.0", first.headers().get("ce_specversion"));
                assertTrue(first.value().contains("kg.meken-card"), first.value());
            });
        }
    }

    @Nested
    class Checklists {

        @Test
        void rejects_meken_card_for_citizen_of_bordering_state() {
            given().contentType("application/json").header("Accept-Language", "en")
                    .body("{\"citizenship\": \"KZ\", \"category\": \"former-citizen\", \"procedure\": \"general\"}")
                    .post("/v1/services/kg.meken-card/checklist")
                    .then().statusCode(200).body("eligible", equalTo("NO")).body("language", equalTo("en"));
        }

        @Test
        void a_former_citizen_living_in_germany_gets_the_general_procedure_documents() {
            given().contentType("application/json")
                    .body("{\"citizenship\": \"DE\", \"countryOfResidence\": \"DE\", \"category\": \"former-citizen\", "
                            + "\"procedure\": \"general\", \"applyingAtMissionAbroad\": true}")
                    .post("/v1/services/kg.meken-card/checklist")
                    .then().statusCode(200).body("eligible", equalTo("YES"))
                    .body("documents.id", hasItems("application", "foreign-passport",
                            "no-criminal-record-country-of-citizenship", "no-criminal-record-kyrgyzstan",
                            "meken-card-fee-receipt", "consular-fee-receipt", "citizenship-termination-proof"))
                    .body("documents.id", not(hasItem("kinship-documents")))
                    .body("reviewWindow.determined.amount", equalTo(60));
        }

        @Test
        void answers_in_the_language_asked_and_says_which() {
            given().contentType("application/json").header("Accept-Language", "ky, ru;q=0.5")
                    .body("{\"age\": 30}").post("/v1/services/kg.passport.id-card/checklist")
                    .then().statusCode(200).header("Content-Language", "ky").body("language", equalTo("ky"));
            given().contentType("application/json").header("Accept-Language", "fr")
                    .body("{\"age\": 30}").post("/v1/services/mn.passport.new/checklist")
                    .then().statusCode(200).body("language", not(equalTo("fr")));
        }

        @Test
        void the_same_situation_gets_the_same_answer_and_a_different_one_does_not() {
            String first = given().contentType("application/json").header("Accept-Language", "en")
                    .body("{\"citizenship\": \"DE\", \"category\": \"former-citizen\", \"procedure\": \"general\"}")
                    .post("/v1/services/kg.meken-card/checklist").then().statusCode(200).extract().asString();
            // Same facts in another order: the same situation, answered with the same bytes.
            String again = given().contentType("application/json").header("Accept-Language", "en")
                    .body("{\"procedure\": \"general\", \"category\": \"former-citizen\", \"citizenship\": \"DE\"}")
                    .post("/v1/services/kg.meken-card/checklist").then().statusCode(200).extract().asString();
            assertEquals(first, again);
            // The simplified procedure is another situation: 30 days, not the cached 60.
            given().contentType("application/json").header("Accept-Language", "en")
                    .body("{\"citizenship\": \"DE\", \"category\": \"former-citizen\", \"procedure\": \"simplified\"}")
                    .post("/v1/services/kg.meken-card/checklist")
                    .then().statusCode(200).body("reviewWindow.determined.amount", equalTo(30));
            given().contentType("application/json").header("Accept-Language", "ru")
                    .body("{\"citizenship\": \"DE\", \"category\": \"former-citizen\", \"procedure\": \"general\"}")
                    .post("/v1/services/kg.meken-card/checklist")
                    .then().statusCode(200).header("Content-Language", not(equalTo("en")));
        }

        /** What {@link ChecklistFilter} has answered so far, before the REST layer. */
        double answeredEarly() {
            return registry.counter(ChecklistFilter.ANSWERED_EARLY).count();
        }

        @Test
        void a_request_already_answered_is_answered_again_before_the_rest_layer_with_the_same_bytes_and_headers() {
            String body = "{\"citizenship\": \"DE\", \"category\": \"former-citizen\", \"procedure\": \"simplified\", "
                    + "\"applyingAtMissionAbroad\": true}";
            double before = answeredEarly();
            io.restassured.response.Response first = given().contentType("application/json").header("Accept-Language", "ky")
                    .body(body).post("/v1/services/kg.meken-card/checklist?on=2026-03-02");
            first.then().statusCode(200);
            assertEquals(before, answeredEarly(), "a first request is answered by the resource");
            io.restassured.response.Response again = given().contentType("application/json").header("Accept-Language", "ky")
                    .body(body).post("/v1/services/kg.meken-card/checklist?on=2026-03-02");
            again.then().statusCode(200);
            assertEquals(before + 1, answeredEarly(), "the same request again is answered by the filter");
            assertEquals(first.asString(), again.asString());
            assertEquals(first.header("Content-Type"), again.header("Content-Type"));
            assertEquals(first.header("Content-Language"), again.header("Content-Language"));
            assertEquals("ky", again.header("Content-Language"));

            // Anything that is not exactly that request goes to the resource, and is answered for itself.
            given().contentType("application/json").header("Accept-Language", "en").body(body)
                    .post("/v1/services/kg.meken-card/checklist?on=2026-03-02")
                    .then().statusCode(200).header("Content-Language", "en");
            given().contentType("application/json").header("Accept-Language", "ky").body(body)
                    .post("/v1/services/kg.meken-card/checklist?on=2026-03-03").then().statusCode(200);
            given().contentType("application/json").header("Accept-Language", "ky").body(body)
                    .post("/v1/services/kg.meken-card/checklist?on=2026-03-0X")
                    .then().statusCode(400).contentType("application/problem+json");
            given().contentType("text/plain").header("Accept-Language", "ky").body(body)
                    .post("/v1/services/kg.meken-card/checklist?on=2026-03-02")
                    .then().statusCode(415).contentType("application/problem+json");
            given().contentType("application/json").header("Accept-Language", "ky").accept("application/xml").body(body)
                    .post("/v1/services/kg.meken-card/checklist?on=2026-03-02")
                    .then().statusCode(406);
            // A public address: a token is not needed, but whatever the REST layer does with one, it sees it.
            given().contentType("application/json").header("Accept-Language", "ky").header("Authorization", "Bearer forged")
                    .body(body).post("/v1/services/kg.meken-card/checklist?on=2026-03-02")
                    .then().statusCode(200);
            // The Kazakh refugee standard in 2020: refused, and refused again, never remembered.
            for (int i = 0; i < 2; i++) {
                given().contentType("application/json").body("{\"age\": 30}")
                        .post("/v1/services/kz.refugee.grant/checklist?on=2020-01-01")
                        .then().statusCode(422).body("type", equalTo("urn:kerege:problem:not-in-force"));
            }
            assertEquals(before + 1, answeredEarly(), "none of these was answered by the filter");
        }

        @Test
        void a_missing_a_malformed_or_an_oversized_body_is_a_problem_on_both_paths() {
            for (int i = 0; i < 2; i++) {
                given().contentType("application/json").post("/v1/services/kg.meken-card/checklist")
                        .then().statusCode(400).contentType("application/problem+json").body("errors.facts", org.hamcrest.Matchers.notNullValue());
                given().contentType("application/json").body("null").post("/v1/services/kg.meken-card/checklist")
                        .then().statusCode(400).contentType("application/problem+json");
                given().contentType("application/json").body("{\"age\": ").post("/v1/services/kg.meken-card/checklist")
                        .then().statusCode(400).body("type", equalTo("urn:kerege:problem:malformed-request-body"));
                given().contentType("application/json").body("[1, 2]").post("/v1/services/kg.meken-card/checklist")
                        .then().statusCode(400).body("type", equalTo("urn:kerege:problem:malformed-request-body"));
            }
            String huge = "{\"note\": \"" + "x".repeat(ChecklistFilter.MAX_BODY_BYTES) + "\"}";
            given().contentType("application/json").body(huge).post("/v1/services/kg.meken-card/checklist")
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:kerege:problem:payload-too-large"));
            // Served normally afterwards, with or without a trailing slash.
            String answer = given().contentType("application/json").body("{\"age\": 30}")
                    .post("/v1/services/kg.passport.id-card/checklist").then().statusCode(200).extract().asString();
            assertEquals(answer, given().contentType("application/json").body("{\"age\": 30}")
                    .post("/v1/services/kg.passport.id-card/checklist/").then().statusCode(200).extract().asString());
        }

        @Test
        void unknown_facts_are_400_and_impossible_values_are_422_with_the_field() {
            given().contentType("application/json").body("{\"shoeSize\": 42}")
                    .post("/v1/services/kg.passport.id-card/checklist")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:kerege:problem:invalid-facts")).body("errors.shoeSize", org.hamcrest.Matchers.notNullValue());
            given().contentType("application/json").body("{\"age\": -3}")
                    .post("/v1/services/kg.passport.id-card/checklist")
                    .then().statusCode(422).body("type", equalTo("urn:kerege:problem:impossible-facts"))
                    .body("errors.age", org.hamcrest.Matchers.notNullValue());
            given().contentType("application/json").body("{\"age\": 30}")
                    .post("/v1/services/kg.no-such-service/checklist")
                    .then().statusCode(404).body("type", equalTo("urn:kerege:problem:not-found"));
        }

        @Test
        void the_kazakh_refugee_standard_answers_for_2013_and_says_it_is_no_longer_in_force_in_2020() {
            given().get("/v1/services/kz.refugee.grant?on=2013-06-03").then().statusCode(200)
                    .body("status", equalTo("IN_FORCE")).body("entry.fee.free", equalTo(true));
            given().get("/v1/services/kz.refugee.grant?on=2020-01-01").then().statusCode(200)
                    .body("status", equalTo("NO_LONGER_IN_FORCE"))
                    .body("noLongerInForceSince", equalTo("2014-05-10"));
            given().contentType("application/json").body("{}").post("/v1/services/kz.refugee.grant/checklist?on=2020-01-01")
                    .then().statusCode(422).body("type", equalTo("urn:kerege:problem:not-in-force"));
        }

        @Test
        void lists_services_of_one_country() {
            given().get("/v1/services?country=MN").then().statusCode(200)
                    .body("code", hasItems("mn.passport.new", "mn.passport.reissue", "mn.passport.extension",
                            "mn.passport.invalidation"))
                    .body("size()", equalTo(4));
            given().get("/v1/services?country=mongolia").then().statusCode(400)
                    .body("type", equalTo("urn:kerege:problem:validation-failed"));
        }
    }

    @Nested
    class Publishing {

        @Test
        void only_an_admin_publishes() {
            given().contentType("application/json").body("{}").post("/v1/catalog/versions")
                    .then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", token("citizen")).contentType("application/json").body("{}")
                    .post("/v1/catalog/versions").then().statusCode(403).contentType("application/problem+json");
        }

        @Test
        void an_admin_publishes_the_next_version_and_it_is_announced() {
            String shipped = given().get("/v1/catalog/shipped").then().statusCode(200).extract().asString();
            int number = given().header("Authorization", token("admin")).contentType("application/json").body(shipped)
                    .post("/v1/catalog/versions").then().statusCode(201)
                    .body("number", greaterThanOrEqualTo(2)).body("publishedBy", equalTo("test-admin"))
                    .extract().path("number");
            given().get("/v1/catalog/versions/" + number).then().statusCode(200)
                    .body("'index.json'.entries.size()", equalTo(18));
            Eventually.within(Duration.ofSeconds(60), () -> assertTrue(TestEvents.readAll(
                    KeregeTestResource.kafka().bootstrapServers(), "kerege.requirements.catalog", Duration.ofSeconds(2))
                    .stream().anyMatch(e -> catalogVersionOf(e) == number)));
        }

        @Test
        void a_catalog_with_a_condition_on_an_unknown_fact_is_refused_with_the_problem() throws Exception {
            ObjectMapper json = new ObjectMapper();
            ObjectNode files = (ObjectNode) json.readTree(given().get("/v1/catalog/shipped").then().extract().asString());
            ObjectNode meken = (ObjectNode) files.get("kg/kg.meken-card.json");
            ((ObjectNode) meken.get("documents").get(0)).put("condition", "favouriteColour == \"blue\"");
            int before = given().get("/v1/catalog/versions").then().extract().path("size()");
            given().header("Authorization", token("admin")).contentType("application/json").body(files.toString())
                    .post("/v1/catalog/versions").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:catalog-rejected"))
                    .body("detail", org.hamcrest.Matchers.containsString("nothing was published"));
            given().get("/v1/catalog/versions").then().body("size()", equalTo(before));
            given().header("Authorization", token("admin")).contentType("application/json")
                    .body("{\"index.json\": {\"version\": 1, \"entries\": [\"missing.json\"]}}")
                    .post("/v1/catalog/versions").then().statusCode(400)
                    .body("type", equalTo("urn:kerege:problem:malformed-catalog"));
        }
    }
}
