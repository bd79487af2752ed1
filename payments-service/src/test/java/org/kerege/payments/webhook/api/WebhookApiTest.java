package org.kerege.payments.webhook.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.payments.webhook.domain.WebhookSignature;

/** Webhooks against a local mock bank endpoint (an HTTP server inside the test). */
@QuarkusTest
class WebhookApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

    record Received(String signature, String body) {
    }

    static String bank(String id) {
        return KeregeTestResource.token("bank", "bank-app-" + id, Map.of("bank", id));
    }

    static String officer() {
        return KeregeTestResource.token("officer", "officer-7", Map.of("office", "ub-central"));
    }

    static String issueAndPay(String bankId) {
        Response inv = given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                .body("{\"feeCode\": \"mn.passport.extension\", \"options\": {\"years\": 1}}").post("/v1/invoices");
        inv.then().statusCode(201);
        given().header("Authorization", "Bearer " + bank(bankId)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"amountMinor\": 450000, \"currency\": \"MNT\"}")
                .post("/v1/bank/invoices/" + inv.path("paymentCode") + "/payments").then().statusCode(201);
        return inv.path("id");
    }

    @Test
    void a_bank_gets_its_signed_payment_events_retried_after_a_failure_and_logged() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            int status = n == 1 ? 503 : 204; // the first attempt fails
            if (status == 204) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Kerege-Signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Response created = given().header("Authorization", "Bearer " + bank("khan")).contentType("application/json")
                    .body(Map.of("url", url, "events", List.of("payment-received"), "secret", SECRET)).post("/v1/webhooks");
            created.then().statusCode(201).body("secret", equalTo(SECRET)).body("bank", equalTo("khan"));
            String hookId = created.path("id");
            given().header("Authorization", "Bearer " + bank("khan")).get("/v1/webhooks/" + hookId).then().statusCode(200)
                    .body("secret", nullValue());

            issueAndPay("other-bank"); // not khan's payment: never delivered to khan
            String invoiceId = issueAndPay("khan");

            Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1, received.size()));
            Received r = received.get(0);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("org.kerege.payments.payment-received.v1", body.path("type").asText());
            assertEquals(invoiceId, body.path("subject").asText());
            assertEquals("khan", body.path("data").path("bank").asText());
            assertEquals(450000, body.path("data").path("amountMinor").asLong());
            assertTrue(r.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), r.signature());
            assertTrue(WebhookSignature.verify(r.signature(), r.body(), SECRET, Instant.now().getEpochSecond(), 300));

            Eventually.within(Duration.ofSeconds(10), () ->
                    given().header("Authorization", "Bearer " + bank("khan")).get("/v1/webhooks/" + hookId + "/deliveries")
                            .then().statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("DELIVERED"))
                            .body("[0].attempts", equalTo(2)).body("[0].lastStatus", equalTo(204)));

            // rotation: the new secret and the old one both sign during the grace period
            Response rotated = given().header("Authorization", "Bearer " + bank("khan")).contentType("application/json")
                    .body("{\"gracePeriod\": \"PT1H\"}").post("/v1/webhooks/" + hookId + "/rotate");
            rotated.then().statusCode(200).body("secret", startsWith("whsec_"));
            String newSecret = rotated.path("secret");
            issueAndPay("khan");
            Eventually.within(Duration.ofSeconds(30), () -> assertEquals(2, received.size()));
            Received after = received.get(1);
            assertTrue(after.signature().matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), after.signature());
            long now = Instant.now().getEpochSecond();
            assertTrue(WebhookSignature.verify(after.signature(), after.body(), newSecret, now, 300));
            assertTrue(WebhookSignature.verify(after.signature(), after.body(), SECRET, now, 300));

            // another bank cannot see the subscription
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/webhooks/" + hookId + "/deliveries")
                    .then().statusCode(404);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_generated_secret_is_returned_once_and_bad_subscriptions_name_the_field() {
        Response created = given().header("Authorization", "Bearer " + KeregeTestResource.token("admin", "admin-1", Map.of()))
                .contentType("application/json")
                .body(Map.of("url", "https://hooks.example.org/kerege", "events", List.of("invoice-expired"))).post("/v1/webhooks");
        created.then().statusCode(201).body("secret", startsWith("whsec_"));
        given().header("Authorization", "Bearer " + bank("khan")).contentType("application/json")
                .body(Map.of("url", "http://hooks.example.org/x", "events", List.of("payment-received"))).post("/v1/webhooks")
                .then().statusCode(400).body("errors", hasKey("url"));
        given().header("Authorization", "Bearer " + bank("khan")).contentType("application/json")
                .body(Map.of("url", "https://hooks.example.org/x", "events", List.of("everything"))).post("/v1/webhooks")
                .then().statusCode(400).body("errors", hasKey("events"));
        given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                .body(Map.of("url", "https://hooks.example.org/x", "events", List.of("payment-received"))).post("/v1/webhooks")
                .then().statusCode(403);
    }
}
