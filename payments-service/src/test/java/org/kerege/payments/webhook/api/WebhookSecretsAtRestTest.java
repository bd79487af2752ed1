package org.kerege.payments.webhook.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.testing.Eventually;
import org.kerege.payments.webhook.domain.SecretSealer;
import org.kerege.payments.webhook.domain.WebhookSignature;
import org.kerege.payments.webhook.persistence.WebhookStore;

/**
 * Webhook secrets at rest: what the {@code webhook} table holds (read through JDBC), and that deliveries are still
 * signed with the plaintext secret. The test profile's key is base64 of "test-only-webhook-sealing-key-32", whose
 * SHA-256 starts a97b3950.
 */
@QuarkusTest
class WebhookSecretsAtRestTest {

    static final String TEST_KEY_ID = "a97b3950";
    static final String SECRET = "whsec_at_rest_0123456789abcdef0123456789abcdef";
    static final String NEW_SECRET = "whsec_rotated_fedcba9876543210fedcba9876543210";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookSecrets webhookSecrets;

    @Inject
    WebhookStore store;

    @Inject
    SecretSealer sealer;

    record Received(String signature, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer server;
    String url;
    String bank;

    @BeforeEach
    void mockBank() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        bank = "sealed-" + UUID.randomUUID().toString().substring(0, 8); // only this test's payments reach its hooks
    }

    @AfterEach
    void stopMockBank() {
        server.stop(0);
    }

    String createHook(String secret) {
        Response created = given().header("Authorization", "Bearer " + WebhookApiTest.bank(bank))
                .contentType("application/json")
                .body(Map.of("url", url, "events", List.of("payment-received"), "secret", secret)).post("/v1/webhooks");
        created.then().statusCode(201).body("secret", equalTo(secret));
        return created.path("id");
    }

    /** Pays an invoice at this test's bank and returns the delivery it causes. */
    Received payAndReceive() {
        int before = received.size();
        WebhookApiTest.issueAndPay(bank);
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals(before + 1, received.size()));
        return received.get(before);
    }

    static void assertSignedWith(Received r, String secret) {
        assertTrue(WebhookSignature.verify(r.signature(), r.body(), secret, Instant.now().getEpochSecond(), 300),
                r.signature());
    }

    String[] columns(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select secret, previous_secret from webhook where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "webhook " + id);
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSealed(String stored, String plaintext) {
        assertTrue(stored.startsWith("v1:" + TEST_KEY_ID + ":"), stored);
        assertFalse(stored.contains(plaintext), stored);
        assertFalse(stored.contains("whsec_"), stored);
    }

    UUID insertRow(String secret, String previous, Instant previousValidUntil) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into webhook (id, owner_role, owner, bank, url, events, secret, previous_secret,
                                     previous_valid_until, created_at)
                values (?, 'bank', ?, ?, ?, array['payment-received'], ?, ?, ?, now())""")) {
            ps.setObject(1, id);
            ps.setString(2, bank);
            ps.setString(3, bank);
            ps.setString(4, url);
            ps.setString(5, secret);
            ps.setString(6, previous);
            ps.setObject(7, previousValidUntil == null ? null : OffsetDateTime.ofInstant(previousValidUntil, ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    void deleteRow(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement deliveries = c.prepareStatement(
                "delete from webhook_delivery where webhook_id = ?"); PreparedStatement hook = c.prepareStatement(
                "delete from webhook where id = ?")) {
            deliveries.setObject(1, id);
            deliveries.executeUpdate();
            hook.setObject(1, id);
            hook.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class A_new_subscription {

        @Test
        void stores_its_secret_sealed_and_still_signs_deliveries_with_the_plaintext() {
            String id = createHook(SECRET);
            String[] stored = columns(id);
            assertSealed(stored[0], SECRET);
            assertEquals(null, stored[1]);
            given().header("Authorization", "Bearer " + WebhookApiTest.bank(bank)).get("/v1/webhooks/" + id)
                    .then().statusCode(200).body("secret", nullValue());

            Received r = payAndReceive();
            assertTrue(r.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), r.signature());
            assertSignedWith(r, SECRET);
        }

        @Test
        void with_a_generated_secret_stores_it_sealed_too() {
            Response created = given().header("Authorization", "Bearer " + WebhookApiTest.bank(bank))
                    .contentType("application/json")
                    .body(Map.of("url", url, "events", List.of("payment-received"))).post("/v1/webhooks");
            created.then().statusCode(201);
            String secret = created.path("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertSealed(columns(created.path("id"))[0], secret);
            assertSignedWith(payAndReceive(), secret);
        }
    }

    @Nested
    class A_rotation {

        @Test
        void stores_the_new_and_the_previous_secret_sealed_and_both_sign() {
            String id = createHook(SECRET);
            String sealedBefore = columns(id)[0];
            given().header("Authorization", "Bearer " + WebhookApiTest.bank(bank)).contentType("application/json")
                    .body(Map.of("gracePeriod", "PT1H", "secret", NEW_SECRET)).post("/v1/webhooks/" + id + "/rotate")
                    .then().statusCode(200).body("secret", equalTo(NEW_SECRET));

            String[] stored = columns(id);
            assertSealed(stored[0], NEW_SECRET);
            assertSealed(stored[1], SECRET);
            assertNotEquals(sealedBefore, stored[1], "the previous secret is sealed again, with a new IV");
            assertEquals(NEW_SECRET, sealer.open(stored[0]));
            assertEquals(SECRET, sealer.open(stored[1]));

            Received r = payAndReceive();
            assertTrue(r.signature().matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), r.signature());
            assertSignedWith(r, NEW_SECRET);
            assertSignedWith(r, SECRET);
        }
    }

    @Nested
    class A_row_stored_in_plain_text_before_sealing {

        @Test
        void still_signs_and_is_sealed_by_the_start_up_task_once() {
            UUID id = insertRow(SECRET, NEW_SECRET, Instant.now().plus(Duration.ofHours(1)));
            try {
                Received before = payAndReceive(); // legacy plaintext passes through
                assertSignedWith(before, SECRET);
                assertSignedWith(before, NEW_SECRET);

                assertEquals(1, webhookSecrets.sealLegacySecrets());
                String[] stored = columns(id.toString());
                assertSealed(stored[0], SECRET);
                assertSealed(stored[1], NEW_SECRET);
                assertEquals(0, webhookSecrets.sealLegacySecrets(), "idempotent");
                assertEquals(List.of(stored[0], stored[1]), List.of(columns(id.toString())));

                Received after = payAndReceive();
                assertSignedWith(after, SECRET);
                assertSignedWith(after, NEW_SECRET);
            } finally {
                deleteRow(id);
            }
        }

        @Test
        void without_a_previous_secret_keeps_it_null() {
            UUID id = insertRow(SECRET, null, null);
            try {
                assertEquals(1, webhookSecrets.sealLegacySecrets());
                String[] stored = columns(id.toString());
                assertSealed(stored[0], SECRET);
                assertEquals(null, stored[1]);
                assertSignedWith(payAndReceive(), SECRET);
            } finally {
                deleteRow(id);
            }
        }
    }

    @Nested
    class A_secret_sealed_with_another_key {

        @Test
        void is_named_with_both_key_ids_by_the_start_check_and_fails_its_deliveries_clearly() {
            SecretSealer other = new SecretSealer(new byte[32], new SecureRandom()); // key id 66687aad
            UUID id = insertRow(other.seal(SECRET), null, null);
            try {
                assertEquals(Map.of("66687aad", 1L), QuarkusTransaction.requiringNew().call(store::sealedWithOtherKeys));
                IllegalStateException e = assertThrows(IllegalStateException.class, webhookSecrets::checkKeys);
                assertTrue(e.getMessage().contains("sealed with key(s) {66687aad=1}"), e.getMessage());
                assertTrue(e.getMessage().contains("this instance has key " + TEST_KEY_ID), e.getMessage());
                assertTrue(e.getMessage().contains("kerege.payments.webhook-secret-key"), e.getMessage());

                WebhookApiTest.issueAndPay(bank);
                Eventually.within(Duration.ofSeconds(30), () -> given()
                        .header("Authorization", "Bearer " + WebhookApiTest.bank(bank))
                        .get("/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                        .body("[0].lastError", equalTo("webhook secret sealed with key 66687aad, this instance has key "
                                + TEST_KEY_ID + ": configure the key that sealed it (kerege.payments.webhook-secret-key)")));
                assertEquals(List.of(), received, "nothing is sent unsigned");
            } finally {
                deleteRow(id);
            }
        }
    }
}
