package org.kerege.status.quality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;

/** Complaints, feedback, the annex 4 indicators and the deadline watch. Clock: Fri 20 Nov 2026 04:00 UTC. */
@QuarkusTest
class QualityAndWatchTest {

    @Inject
    EntityManager em;

    static String officer(String office) {
        return "Bearer " + KeregeTestResource.token("officer", "officer-erlan", Map.of("office", office,
                "name", "Erlan Abdrakhmanov", "position", "Inspector"));
    }

    static JsonPath submit(String office, String serviceCode) {
        return given().header("Authorization", officer(office)).contentType(ContentType.JSON).body("""
                        {"serviceCode": "%s", "applicant": {"id": "20202020202020", "name": "Nurlan Sadykov", "language": "ru"},
                         "documents": ["Application"], "delivery": {"choice": "PICK_UP"}}""".formatted(serviceCode))
                .post("/v1/applications").then().statusCode(201).extract().jsonPath();
    }

    static void take(String office, String number, String body) {
        given().header("Authorization", officer(office)).contentType(ContentType.JSON).body(body)
                .post("/v1/applications/" + number + "/transitions").then().statusCode(200);
    }

    void setDue(String number, String clock, String date) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update deadline set due_date = cast(?1 as date) where number = ?2 and clock = ?3")
                .setParameter(1, date).setParameter(2, number).setParameter(3, clock).executeUpdate());
    }

    long outboxCount(String number, String type) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1 and event_type = ?2")
                .setParameter(1, number).setParameter(2, type).getSingleResult()).longValue();
    }

    @Nested
    class Indicators_and_feedback {
        @Test
        void on_time_share_counts_a_late_decision_and_satisfaction_comes_only_from_real_ratings() throws Exception {
            String office = "kg.osh.psc-" + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", officer(office)).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                    .get("/v1/indicators").then().statusCode(200)
                    .body("indicators.find { it.code == 'on-time' }.value", nullValue())
                    .body("indicators.find { it.code == 'on-time' }.note", equalTo("no data"))
                    .body("indicators.find { it.code == 'satisfied-courtesy' }.value", nullValue());

            JsonPath onTime = submit(office, "kg.civil.death");
            String a = onTime.getString("number");
            for (String e : new String[] {"fee-paid", "review-started", "granted", "ready", "issued"}) {
                take(office, a, "{\"event\": \"" + e + "\"}");
            }
            String late = submit(office, "kz.refugee.grant").getString("number");
            take(office, late, "{\"event\": \"review-started\"}");
            setDue(late, "decision", "2026-11-19");
            take(office, late, "{\"event\": \"granted\"}");
            take(office, late, "{\"event\": \"issued\"}");

            given().contentType(ContentType.JSON).header("X-Access-Code", onTime.getString("accessCode"))
                    .body("{\"process\": 5, \"information\": 3, \"courtesy\": 4}")
                    .post("/v1/applications/" + a + "/feedback").then().statusCode(204);
            given().contentType(ContentType.JSON).header("X-Access-Code", onTime.getString("accessCode"))
                    .body("{\"process\": 1, \"information\": 1, \"courtesy\": 1}")
                    .post("/v1/applications/" + a + "/feedback").then().statusCode(409);

            given().header("Authorization", officer(office)).queryParam("from", "2026-11-20").queryParam("to", "2026-11-20")
                    .get("/v1/indicators").then().statusCode(200)
                    .body("indicators.find { it.code == 'on-time' }.value", equalTo(50.0f))
                    .body("indicators.find { it.code == 'on-time' }.count", equalTo(2))
                    .body("indicators.find { it.code == 'satisfied-process' }.value", equalTo(100.0f))
                    .body("indicators.find { it.code == 'satisfied-information' }.value", equalTo(0.0f))
                    .body("indicators.find { it.code == 'satisfied-courtesy' }.value", equalTo(100.0f))
                    .body("indicators.find { it.code == 'satisfied-complaints' }.note", equalTo("no data"));
        }

        @Test
        void feedback_is_refused_before_hand_over() {
            JsonPath talon = submit("kg.naryn.psc-1", "kg.civil.death");
            given().contentType(ContentType.JSON).header("X-Access-Code", talon.getString("accessCode"))
                    .body("{\"process\": 5, \"information\": 5, \"courtesy\": 5}")
                    .post("/v1/applications/" + talon.getString("number") + "/feedback").then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:feedback-not-open"));
        }
    }

    @Nested
    class Complaints {
        @Test
        void a_written_complaint_gets_a_talon_with_the_answer_due_in_15_days_to_the_minute() {
            String office = "kz.astana.migration-1";
            String number = submit(office, "kz.refugee.grant").getString("number");
            JsonPath talon = given().header("Authorization", officer(office)).contentType(ContentType.JSON).body("""
                            {"applicationNumber": "%s", "subject": "RUDENESS", "complainantName": "Nurlan Sadykov",
                             "complainantId": "20202020202020", "postalAddress": "010000 Astana, Tauelsizdik avenue 1",
                             "about": "The officer at window 3", "reasons": "Was shouted at; asks for an apology.",
                             "written": true}""".formatted(number))
                    .post("/v1/complaints").then().statusCode(201).extract().jsonPath();
            assertEquals("2026-11-20T09:00:00+05:00", talon.getString("acceptedAt"));
            assertEquals("2026-12-05T09:00:00+05:00", talon.getString("answerDueAt"));
            assertEquals("Erlan Abdrakhmanov", talon.getString("acceptedBy"));
            String complaint = talon.getString("number");
            org.hamcrest.MatcherAssert.assertThat(complaint, org.hamcrest.Matchers.matchesPattern("KZ-C-2026-\\d{6}"));
            given().header("Authorization", "Bearer " + KeregeTestResource.token("citizen", "20202020202020", Map.of()))
                    .get("/v1/complaints/" + complaint).then().statusCode(200).body("subject", equalTo("RUDENESS"));
            given().header("Authorization", "Bearer " + KeregeTestResource.token("citizen", "30303030303030", Map.of()))
                    .get("/v1/complaints/" + complaint).then().statusCode(404);
            given().header("Authorization", officer("kz.almaty.migration-2")).get("/v1/complaints/" + complaint)
                    .then().statusCode(404);
        }
    }

    @Nested
    class Deadline_watch {
        @Test
        void raises_approaching_and_breached_once_each_per_deadline() throws Exception {
            String office = "kz.astana.migration-1";
            String approaching = submit(office, "kz.refugee.grant").getString("number");
            String breached = submit(office, "kz.refugee.grant").getString("number");
            setDue(approaching, "decision", "2026-11-23");
            setDue(breached, "decision", "2026-11-19");
            Eventually.within(Duration.ofSeconds(60), () -> {
                assertEquals(1L, outboxCount(approaching, "org.kerege.status.deadline-approaching.v1"));
                assertEquals(1L, outboxCount(breached, "org.kerege.status.deadline-breached.v1"));
            });
            Thread.sleep(5_000); // a few more runs of the 2 s watch
            assertEquals(1L, outboxCount(approaching, "org.kerege.status.deadline-approaching.v1"));
            assertEquals(0L, outboxCount(approaching, "org.kerege.status.deadline-breached.v1"));
            assertEquals(1L, outboxCount(breached, "org.kerege.status.deadline-breached.v1"));
            given().header("Authorization", officer(office)).queryParam("overdue", true).get("/v1/applications")
                    .then().statusCode(200).body("number", org.hamcrest.Matchers.hasItem(breached))
                    .body("number", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(approaching)));
        }
    }
}
