package org.kerege.status.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.status.application.ApplicationsApiTest.KZ_OFFICE;
import static org.kerege.status.application.ApplicationsApiTest.refugeePetition;
import static org.kerege.status.application.ApplicationsApiTest.transition;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.testing.Eventually;
import org.kerege.status.application.lookup.PublicStatusCache;

/**
 * The public lookup's answers kept in memory (PublicStatusCache, ADR 0007) on real PostgreSQL: served the same as
 * from the database, never stale after a change made here or elsewhere, never a way around the guessing throttle,
 * and forgotten when the change notifications are lost.
 */
@QuarkusTest
class PublicStatusAnswersTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    PublicStatusCache answers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void listening() {
        Eventually.within(SOON, () -> assertTrue(answers.isListening(), "listening to status changes"));
    }

    private static Response lookup(String number, String code) {
        return given().header("X-Access-Code", code).get("/v1/applications/" + number);
    }

    private boolean kept(String number, String code) {
        return answers.answer(number, code, "test", Instant.now()).isPresent();
    }

    private void sql(String statement, String number) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, number);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** A refugee petition looked up once, as registered and for pick-up, so that its answer is kept. */
    private record Kept(String number, String code, Response first) {
    }

    private Kept keptPetition(String applicant) {
        JsonPath talon = refugeePetition(applicant);
        String number = talon.getString("number");
        String code = talon.getString("accessCode");
        Response first = lookup(number, code);
        first.then().statusCode(200).body("state", equalTo("REGISTERED")).body("delivery", equalTo("PICK_UP"));
        assertTrue(kept(number, code), "the first lookup keeps its answer");
        return new Kept(number, code, first);
    }

    /** Home delivery written in plain SQL, as another instance's transaction looks from here: no entity listener runs. */
    private void homeDeliveryBehindOurBack(String number) throws SQLException {
        sql("update application set delivery = 'HOME_DELIVERY', delivery_address = 'Astana, Abay avenue 1', "
                + "delivery_phone = '+77011234567' where number = ?", number);
    }

    @Test
    void an_answer_from_memory_is_the_same_bytes_and_headers_as_from_the_database() {
        Kept k = keptPetition("70000000000001");
        Response first = k.first();
        Response second = lookup(k.number(), k.code().toLowerCase());
        second.then().statusCode(200);
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        assertEquals(first.contentType(), second.contentType());
        assertEquals("no-store", second.header("Cache-Control"));
        assertEquals(first.header("Cache-Control"), second.header("Cache-Control"));
    }

    @Test
    void a_transition_here_is_seen_by_the_very_next_lookup() {
        Kept k = keptPetition("70000000000002");
        String number = k.number();
        String code = k.code();

        transition(KZ_OFFICE, number, "{\"event\": \"review-started\"}", 200);
        lookup(number, code).then().statusCode(200).body("state", equalTo("UNDER_REVIEW"))
                .body("history.event", org.hamcrest.Matchers.hasItem("review-started"));
    }

    @Test
    void a_change_written_by_another_instance_arrives_through_the_database_notification() throws SQLException {
        Kept k = keptPetition("70000000000003");
        String number = k.number();
        String code = k.code();

        homeDeliveryBehindOurBack(number);
        Eventually.within(SOON, () -> assertTrue(!kept(number, code), "the notification evicted the answer"));
        lookup(number, code).then().statusCode(200).body("delivery", equalTo("HOME_DELIVERY"));
    }

    @Test
    void guessing_blocks_the_answer_kept_in_memory_as_well() {
        Kept k = keptPetition("70000000000004");
        String number = k.number();
        String code = k.code();
        for (int i = 0; i < 5; i++) {
            lookup(number, "AAAA-BBBB-CCCC-DDD" + "234567".charAt(i)).then().statusCode(404);
        }
        lookup(number, code).then().statusCode(429).header("Retry-After", not(nullValue()))
                .contentType("application/problem+json");
    }

    @Test
    void losing_the_notifications_forgets_every_answer_and_listening_resumes_by_itself() throws SQLException {
        Kept k = keptPetition("70000000000005");
        String number = k.number();
        String code = k.code();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = 'kerege-status-change-listener'");
        }
        // A change while nobody listens: its notification is lost for good.
        homeDeliveryBehindOurBack(number);

        Eventually.within(SOON, () -> lookup(number, code).then().statusCode(200)
                .body("delivery", equalTo("HOME_DELIVERY")));
        Eventually.within(SOON, () -> assertTrue(answers.isListening(), "listening again"));
        lookup(number, code).then().statusCode(200).body("delivery", equalTo("HOME_DELIVERY"));
        assertTrue(kept(number, code), "answers are kept again once listening");
    }
}
