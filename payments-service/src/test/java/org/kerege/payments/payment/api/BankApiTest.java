package org.kerege.payments.payment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;
import org.kerege.payments.expiry.InvoiceExpiry;
import org.kerege.payments.qr.domain.Crc16;

/** The bank API and the QR images, on real PostgreSQL and Kafka. */
@QuarkusTest
class BankApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INVOICE_TOPIC = "kerege.payments.invoice";
    static final String NOTIFICATION_TOPIC = "kerege.payments.notification";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InvoiceExpiry expiry;

    static String officer() {
        return KeregeTestResource.token("officer", "officer-7", Map.of("office", "ub-central"));
    }

    static String bank(String id) {
        return KeregeTestResource.token("bank", "bank-app-" + id, Map.of("bank", id));
    }

    static String admin() {
        return KeregeTestResource.token("admin", "admin-1", Map.of());
    }

    /** Issues a 3-year Mongolian extension (8500.00 MNT) and returns the invoice JSON. */
    static Response issue(String body) {
        Response r = given().header("Authorization", "Bearer " + officer()).contentType("application/json").body(body)
                .post("/v1/invoices");
        r.then().statusCode(201);
        return r;
    }

    static Response extension() {
        return issue("""
                {"feeCode": "mn.passport.extension", "options": {"years": 3}, "applicationRef": "MN-2026-000777",
                 "payer": {"recipient": "+97699112233", "language": "mn"}}""");
    }

    static Response pay(String bankId, String code, String key, String body) {
        var spec = given().header("Authorization", "Bearer " + bank(bankId)).contentType("application/json").body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.post("/v1/bank/invoices/" + code + "/payments");
    }

    static final String FULL = """
            {"amountMinor": 850000, "currency": "MNT", "bankReference": "GOLOMT-1"}""";

    @Nested
    class Lookup {

        @Test
        void a_bank_sees_service_name_recipients_and_amount_by_payment_code() {
            Response inv = extension();
            String code = inv.path("paymentCode");
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/bank/invoices/" + code.toLowerCase())
                    .then().statusCode(200).body("paymentCode", equalTo(code)).body("status", equalTo("ISSUED"))
                    .body("payable", equalTo(true))
                    .body("serviceName", equalTo("Extension of the Mongolian ordinary passport"))
                    .body("amountMinor", equalTo(850000)).body("amount", equalTo("8500.00")).body("currency", equalTo("MNT"))
                    .body("recipients.size()", equalTo(2)).body("recipients[0].beneficiary", equalTo("ОӨУБЕГ"))
                    .body("recipients[0].account", equalTo("1401001101")).body("recipients[0].amountMinor", equalTo(600000))
                    .body("recipients[1].account", equalTo("1401002649")).body("recipients[1].amountMinor", equalTo(250000));
        }

        @Test
        void a_wrong_check_character_is_400_and_an_unknown_valid_code_404() {
            Response inv = extension();
            String code = inv.path("paymentCode");
            char last = code.charAt(8);
            String wrong = code.substring(0, 8) + (last == '2' ? '3' : '2');
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/bank/invoices/" + wrong).then()
                    .statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:kerege:problem:invalid-payment-code")).body("errors", hasKey("paymentCode"));
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/bank/invoices/22222222" + "2").then()
                    .statusCode(404);
        }

        @Test
        void only_banks_with_a_bank_claim_use_the_bank_api() {
            String code = extension().path("paymentCode");
            given().header("Authorization", "Bearer " + officer()).get("/v1/bank/invoices/" + code).then().statusCode(403);
            given().header("Authorization", "Bearer " + KeregeTestResource.token("bank", "b", Map.of()))
                    .get("/v1/bank/invoices/" + code).then().statusCode(403);
        }
    }

    @Nested
    class Qr {

        @Test
        void the_invoice_payload_resolves_to_the_invoice_and_a_tampered_crc_is_rejected() {
            Response inv = extension();
            String payload = inv.path("qrPayload");
            assertTrue(payload.startsWith("000201010212"));
            given().header("Authorization", "Bearer " + bank("halyk")).contentType("application/json")
                    .body(Map.of("payload", payload)).post("/v1/bank/qr/resolve").then().statusCode(200)
                    .body("paymentCode", equalTo(inv.path("paymentCode"))).body("amountMinor", equalTo(850000));
            String tampered = payload.replace("8500.00", "0001.00");
            given().header("Authorization", "Bearer " + bank("halyk")).contentType("application/json")
                    .body(Map.of("payload", tampered)).post("/v1/bank/qr/resolve").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:qr-checksum-mismatch"));
            // a forger who recomputes the CRC still cannot change the amount
            String body = tampered.substring(0, tampered.length() - 4);
            given().header("Authorization", "Bearer " + bank("halyk")).contentType("application/json")
                    .body(Map.of("payload", body + Crc16.hex(body))).post("/v1/bank/qr/resolve").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:qr-does-not-match-invoice"));
            given().header("Authorization", "Bearer " + bank("halyk")).contentType("application/json")
                    .body(Map.of("payload", "not a qr")).post("/v1/bank/qr/resolve").then().statusCode(400)
                    .body("type", equalTo("urn:kerege:problem:invalid-qr-payload"));
        }

        @Test
        void the_png_decodes_to_the_payload_and_the_svg_is_vector() throws Exception {
            Response inv = extension();
            String id = inv.path("id");
            byte[] png = given().header("Authorization", "Bearer " + officer()).get("/v1/invoices/" + id + "/qr.png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            assertEquals(inv.path("qrPayload").toString(), decode(png));
            String svg = given().header("Authorization", "Bearer " + officer()).get("/v1/invoices/" + id + "/qr.svg")
                    .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
            assertTrue(svg.contains("<path fill=\"#000000\" d=\"M"));
            assertTrue(!svg.contains("<image"));
        }

        @Test
        void a_paid_or_cancelled_invoice_has_no_qr() {
            Response inv = extension();
            String id = inv.path("id");
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("{\"reason\": \"wrong\"}").post("/v1/invoices/" + id + "/cancel").then().statusCode(200);
            given().header("Authorization", "Bearer " + officer()).get("/v1/invoices/" + id + "/qr.png").then()
                    .statusCode(409).body("type", equalTo("urn:kerege:problem:invoice-not-payable"));
            given().header("Authorization", "Bearer " + officer()).get("/v1/invoices/" + id + "/qr.svg").then()
                    .statusCode(409);
        }
    }

    static String decode(byte[] png) throws Exception {
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), px);
        return new com.google.zxing.qrcode.QRCodeReader()
                .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source))).getText();
    }

    @Nested
    class Paying {

        @Test
        void a_bank_pays_once_and_a_replay_returns_the_identical_response() {
            Response inv = extension();
            String code = inv.path("paymentCode");
            String key = UUID.randomUUID().toString();
            Response first = pay("golomt", code, key, FULL);
            first.then().statusCode(201).body("status", equalTo("PAID")).body("amountMinor", equalTo(850000))
                    .body("bank", equalTo("golomt")).body("bankReference", equalTo("GOLOMT-1"));
            Response again = pay("golomt", code, key, FULL);
            again.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertEquals(first.asString(), again.asString());
            // same key, another body → refused
            pay("golomt", code, key, FULL.replace("GOLOMT-1", "GOLOMT-2")).then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:idempotency-key-reused"));
            // another key → already paid
            pay("golomt", code, UUID.randomUUID().toString(), FULL).then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:invoice-already-paid"));
            // the same key at another bank is another key
            pay("halyk", code, key, FULL).then().statusCode(409).body("type", equalTo("urn:kerege:problem:invoice-already-paid"));
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/bank/invoices/" + code).then()
                    .statusCode(200).body("status", equalTo("PAID")).body("payable", equalTo(false));
        }

        @Test
        void payment_received_and_the_receipt_are_published() {
            Response inv = extension();
            String id = inv.path("id");
            String code = inv.path("paymentCode");
            String paymentId = pay("golomt", code, UUID.randomUUID().toString(), FULL).then().statusCode(201)
                    .extract().path("paymentId");
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        INVOICE_TOPIC, Duration.ofSeconds(2));
                TestEvents.Received e = events.stream().filter(x -> id.equals(x.key())
                        && "org.kerege.payments.payment-received.v1".equals(x.headers().get("ce_type"))).findFirst().orElseThrow();
                JsonNode data = JSON.readTree(e.value());
                assertEquals(paymentId, data.path("paymentId").asText());
                assertEquals(code, data.path("paymentCode").asText());
                assertEquals("MN-2026-000777", data.path("applicationRef").asText());
                assertEquals(850000, data.path("amountMinor").asLong());
                assertEquals("golomt", data.path("bank").asText());
            });
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        NOTIFICATION_TOPIC, Duration.ofSeconds(2));
                Set<String> templates = new HashSet<>();
                for (TestEvents.Received e : events) {
                    JsonNode data = JSON.readTree(e.value());
                    if (id.equals(data.path("reference").asText())) {
                        templates.add(data.path("template").asText());
                        assertEquals("+97699112233", data.path("recipient").asText());
                        assertEquals("mn", data.path("language").asText());
                        assertEquals(code, data.path("params").path("paymentCode").asText());
                        assertEquals("8500.00", data.path("params").path("amount").asText());
                    }
                }
                assertEquals(Set.of("invoice-issued", "payment-receipt"), templates);
            });
        }

        @Test
        void partial_wrong_currency_and_missing_key_are_refused() {
            String code = extension().path("paymentCode");
            pay("golomt", code, "k-" + UUID.randomUUID(), "{\"amountMinor\": 600000, \"currency\": \"MNT\"}").then()
                    .statusCode(422).body("type", equalTo("urn:kerege:problem:amount-mismatch"));
            pay("golomt", code, "k-" + UUID.randomUUID(), "{\"amountMinor\": 850000, \"currency\": \"KGS\"}").then()
                    .statusCode(422).body("type", equalTo("urn:kerege:problem:currency-mismatch"));
            pay("golomt", code, null, FULL).then().statusCode(400).body("errors", hasKey("Idempotency-Key"));
            pay("golomt", code, "k-" + UUID.randomUUID(), "{\"currency\": \"MNT\"}").then().statusCode(400)
                    .body("errors", hasKey("amountMinor"));
            // still payable afterwards
            pay("golomt", code, "k-" + UUID.randomUUID(), FULL).then().statusCode(201);
        }

        @Test
        void a_cancelled_invoice_is_refused() {
            Response inv = extension();
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("{\"reason\": \"wrong\"}").post("/v1/invoices/" + inv.path("id") + "/cancel").then().statusCode(200);
            pay("golomt", inv.path("paymentCode"), "k-" + UUID.randomUUID(), FULL).then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:invoice-cancelled"));
        }

        @Test
        void two_hundred_concurrent_payments_with_different_keys_succeed_exactly_once() throws Exception {
            String code = extension().path("paymentCode");
            List<HttpResponse<String>> responses = concurrently(200, i -> "race-" + i + "-" + UUID.randomUUID(), code);
            long ok = responses.stream().filter(r -> r.statusCode() == 201).count();
            long conflict = responses.stream().filter(r -> r.statusCode() == 409).count();
            assertEquals(1, ok, () -> statuses(responses));
            assertEquals(199, conflict, () -> statuses(responses));
            assertEquals(1, count("select count(*) from payment where payment_code = '" + code + "'"));
        }

        @Test
        void fifty_concurrent_replays_of_one_key_execute_once_with_identical_bodies() throws Exception {
            String code = extension().path("paymentCode");
            String key = "replay-" + UUID.randomUUID();
            List<HttpResponse<String>> responses = concurrently(50, i -> key, code);
            Set<String> bodies = new HashSet<>();
            for (HttpResponse<String> r : responses) {
                assertEquals(201, r.statusCode(), r.body());
                bodies.add(r.body());
            }
            assertEquals(1, bodies.size());
            assertEquals(1, count("select count(*) from payment where payment_code = '" + code + "'"));
        }
    }

    @Nested
    class Expiry {

        @Test
        void an_unpaid_invoice_past_its_expiry_is_expired_once_and_announced() throws Exception {
            Response inv = extension();
            String id = inv.path("id");
            String code = inv.path("paymentCode");
            exec("update invoice set issued_at = now() - interval '11 days', expires_at = now() - interval '1 day' where id = '"
                    + id + "'");
            // a bank sees it expired before the job ran
            given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/bank/invoices/" + code).then()
                    .statusCode(200).body("status", equalTo("EXPIRED")).body("payable", equalTo(false));
            pay("golomt", code, "k-" + UUID.randomUUID(), FULL).then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:invoice-expired"));
            assertTrue(expiry.expireDue() >= 1);
            assertEquals(0, expiry.expireDue());
            given().header("Authorization", "Bearer " + admin()).get("/v1/invoices/" + id).then().statusCode(200)
                    .body("status", equalTo("EXPIRED"));
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        INVOICE_TOPIC, Duration.ofSeconds(2));
                assertEquals(1, events.stream().filter(x -> id.equals(x.key())
                        && "org.kerege.payments.invoice-expired.v1".equals(x.headers().get("ce_type"))).count());
            });
        }
        @Test
        void two_instances_expiring_at_once_take_each_invoice_exactly_once() throws Exception {
            expiry.expireDue(); // whatever other tests left due
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(issue("""
                        {"feeCode": "mn.passport.extension", "options": {"years": 1}}""").path("id"));
            }
            exec("update invoice set issued_at = now() - interval '11 days', expires_at = now() - interval '1 day' "
                    + "where id in ('" + String.join("','", ids) + "')");
            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            try {
                Future<Integer> a = two.submit(() -> {
                    go.await();
                    return expiry.expireDue();
                });
                Future<Integer> b = two.submit(() -> {
                    go.await();
                    return expiry.expireDue();
                });
                go.countDown();
                assertEquals(30, a.get() + b.get());
            } finally {
                two.shutdownNow();
            }
            assertEquals(30, count("select count(*) from invoice where status = 'EXPIRED' and id in ('"
                    + String.join("','", ids) + "')"));
        }
    }

    @Nested
    class Refunding {

        @Test
        void an_officer_refunds_in_part_then_the_rest_and_the_invoice_is_refunded() {
            Response inv = extension();
            String paymentId = pay("golomt", inv.path("paymentCode"), "k-" + UUID.randomUUID(), FULL).then()
                    .statusCode(201).extract().path("paymentId");
            String key = "refund-" + UUID.randomUUID();
            Response part = given().header("Authorization", "Bearer " + officer()).header("Idempotency-Key", key)
                    .contentType("application/json").body("{\"amountMinor\": 250000, \"reason\": \"stamp duty waived\"}")
                    .post("/v1/payments/" + paymentId + "/refunds");
            part.then().statusCode(201).body("amountMinor", equalTo(250000)).body("fullyRefunded", equalTo(false));
            Response replay = given().header("Authorization", "Bearer " + officer()).header("Idempotency-Key", key)
                    .contentType("application/json").body("{\"amountMinor\": 250000, \"reason\": \"stamp duty waived\"}")
                    .post("/v1/payments/" + paymentId + "/refunds");
            assertEquals(part.asString(), replay.asString());
            given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                    .body("{\"amountMinor\": 600001, \"reason\": \"too much\"}").post("/v1/payments/" + paymentId + "/refunds")
                    .then().statusCode(422).body("type", equalTo("urn:kerege:problem:refund-not-possible"));
            given().header("Authorization", "Bearer " + admin()).contentType("application/json")
                    .body("{\"reason\": \"application withdrawn\"}").post("/v1/payments/" + paymentId + "/refunds")
                    .then().statusCode(201).body("amountMinor", equalTo(600000)).body("fullyRefunded", equalTo(true))
                    .body("refundedTotalMinor", equalTo(850000));
            given().header("Authorization", "Bearer " + admin()).get("/v1/invoices/" + inv.path("id")).then()
                    .body("status", equalTo("REFUNDED"));
            given().header("Authorization", "Bearer " + bank("golomt")).contentType("application/json")
                    .body("{\"reason\": \"x\"}").post("/v1/payments/" + paymentId + "/refunds").then().statusCode(403);
            String id = inv.path("id");
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> events = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        INVOICE_TOPIC, Duration.ofSeconds(2));
                assertEquals(2, events.stream().filter(x -> id.equals(x.key())
                        && "org.kerege.payments.payment-refunded.v1".equals(x.headers().get("ce_type"))).count());
            });
        }
    }

    interface KeyOf {
        String key(int i);
    }

    List<HttpResponse<String>> concurrently(int n, KeyOf keys, String code) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = bank("golomt");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 64));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/bank/invoices/" + code + "/payments"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", keys.key(i))
                        .POST(HttpRequest.BodyPublishers.ofString(FULL)).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static String statuses(List<HttpResponse<String>> responses) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1L, Long::sum));
        return byStatus + " e.g. " + responses.stream().filter(r -> r.statusCode() >= 500).map(HttpResponse::body)
                .findFirst().orElse("");
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void exec(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
