package org.kerege.signature;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;
import org.kerege.signature.ca.domain.KeyAlgorithm;
import org.kerege.signature.ca.domain.TestKeys;
import org.kerege.signature.certificate.ExpiryReminders;
import org.kerege.signature.sms.LocalSmsGateway;
import org.kerege.signature.sms.SmsGateway;

/** Key applications to certificates, revocation, CRL, OCSP and verification over HTTP, on real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(PaymentsStandIn.class)
class SignatureApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SmsGateway sms;

    @Inject
    ExpiryReminders reminders;

    static String officer() {
        return "Bearer " + KeregeTestResource.token("officer", "officer-nukus-3", Map.of("office", "uz-nukus-mxo"));
    }

    static String citizen(String pinfl) {
        return "Bearer " + KeregeTestResource.token("citizen", pinfl, Map.of());
    }

    static String admin() {
        return "Bearer " + KeregeTestResource.token("admin", "admin-1", Map.of());
    }

    static String newPinfl() {
        return "3" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
    }

    static String newPhone() {
        return "+99890" + String.format("%07d", ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    }

    static String individual(String pinfl, String phone, String channel) {
        return """
                {"applicantType": "INDIVIDUAL", "pinfl": "%s", "holderName": "Berdaq Ajiniyazov", "phone": "%s",
                 "region": "Qoraqalpogʻiston Respublikasi", "district": "Nukus", "channel": "%s"}""".formatted(pinfl, phone, channel);
    }

    String lastCode(String phone) {
        var m = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b")
                .matcher(((LocalSmsGateway) sms).lastTo(phone).orElseThrow().text());
        assertTrue(m.find(), "the SMS holds a 6-digit code");
        return m.group(1);
    }

    static Response submit(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body).post("/v1/key-applications");
    }

    static JsonNode json(Response r) throws Exception {
        return JSON.readTree(r.asString());
    }

    static void pay(String invoiceId, String applicationId, long amount) {
        String event = """
                {"paymentId": "%s", "invoiceId": "%s", "paymentCode": "7KQ4M9XR3", "applicationRef": "%s",
                 "feeCode": "uz.e-key", "amountMinor": %d, "currency": "UZS", "bank": "test-bank",
                 "paidAt": "2026-11-21T09:00:00Z"}""".formatted(UUID.randomUUID(), invoiceId, applicationId, amount);
        TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), "kerege.payments.invoice", invoiceId, UUID.randomUUID(),
                "org.kerege.payments.payment-received.v1", "/kerege/payments", event);
    }

    /** Submits (as {@code token}), verifies the phone, pays, and has an officer approve the identity. */
    String readyForIssuance(String token, String pinfl, String phone, String channel) throws Exception {
        Response submitted = submit(token, individual(pinfl, phone, channel));
        submitted.then().statusCode(201);
        String id = json(submitted).path("id").asText();
        given().header("Authorization", token).contentType("application/json").body("{\"code\": \"" + lastCode(phone) + "\"}")
                .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(200)
                .body("status", equalTo("FEE_INVOICED"));
        pay(PaymentsStandIn.invoiceIdOf(id).toString(), id, 375000);
        Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", officer())
                .get("/v1/key-applications/" + id).then().body("status", equalTo("PAID")));
        given().header("Authorization", officer()).contentType("application/json")
                .body("{\"approved\": true, \"note\": \"ID card checked\"}")
                .post("/v1/key-applications/" + id + "/identity-check").then().statusCode(200)
                .body("status", equalTo("IDENTITY_CHECKED"));
        return id;
    }

    static X509Certificate firstCertificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static Path tmp(String name) throws Exception {
        Path dir = Path.of("target/tmp/signature-api-test");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    @Nested
    class ServiceCentre {

        @Test
        void the_whole_counter_flow_ends_in_one_pfx_that_only_the_right_password_opens() throws Exception {
            String pinfl = newPinfl();
            String phone = newPhone();
            Response submitted = submit(officer(), individual(pinfl, phone, "SERVICE_CENTRE"));
            submitted.then().statusCode(201).header("Location", containsString("/v1/key-applications/"))
                    .body("status", equalTo("SUBMITTED"))
                    .body("pinfl", equalTo("**********" + pinfl.substring(10)))
                    .body("phone", equalTo("*********" + phone.substring(9)));
            String id = json(submitted).path("id").asText();
            String code = lastCode(phone);
            String wrong = code.equals("000000") ? "111111" : "000000";
            given().header("Authorization", officer()).contentType("application/json").body("{\"code\": \"" + wrong + "\"}")
                    .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:kerege:problem:wrong-code"));
            given().header("Authorization", officer()).contentType("application/json").body("{\"code\": \"" + code + "\"}")
                    .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(200)
                    .body("status", equalTo("FEE_INVOICED"))
                    .body("fee.invoiceId", equalTo(PaymentsStandIn.invoiceIdOf(id).toString()))
                    .body("fee.paymentCode", equalTo("7KQ4M9XR3"))
                    .body("fee.totalMinor", equalTo(375000))
                    .body("fee.currency", equalTo("UZS"));

            given().header("Authorization", officer()).contentType("application/json").body("{\"approved\": true}")
                    .post("/v1/key-applications/" + id + "/identity-check").then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:illegal-transition"));

            pay(PaymentsStandIn.invoiceIdOf(id).toString(), id, 375000);
            Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", officer())
                    .get("/v1/key-applications/" + id).then().body("status", equalTo("PAID")));

            String password = "Qalpaq-" + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", officer()).contentType("application/json")
                    .body("{\"password\": \"" + password + "\"}").post("/v1/key-applications/" + id + "/pfx")
                    .then().statusCode(409);

            given().header("Authorization", officer()).contentType("application/json")
                    .body("{\"approved\": true, \"note\": \"passport checked at window 4\"}")
                    .post("/v1/key-applications/" + id + "/identity-check").then().statusCode(200)
                    .body("status", equalTo("IDENTITY_CHECKED")).body("identityCheckedBy", equalTo("officer-nukus-3"));

            Response pfx = given().header("Authorization", officer()).contentType("application/json")
                    .body("{\"password\": \"" + password + "\", \"keyAlgorithm\": \"RSA_2048\"}")
                    .post("/v1/key-applications/" + id + "/pfx");
            pfx.then().statusCode(200).contentType("application/x-pkcs12");
            Path file = tmp(id + ".pfx");
            Files.write(file, pfx.asByteArray());

            given().header("Authorization", officer()).contentType("application/json")
                    .body("{\"password\": \"" + password + "\"}").post("/v1/key-applications/" + id + "/pfx")
                    .then().statusCode(410).body("type", equalTo("urn:kerege:problem:already-issued"));

            if (Files.isExecutable(Tools.keytool())) {
                Tools.Run ok = Tools.run(List.of(Tools.keytool().toString(), "-list", "-storetype", "PKCS12", "-keystore",
                        file.toString(), "-storepass", password));
                assertEquals(0, ok.exit(), ok.output());
                assertTrue(ok.output().contains("PrivateKeyEntry"), ok.output());
                Tools.Run bad = Tools.run(List.of(Tools.keytool().toString(), "-list", "-storetype", "PKCS12", "-keystore",
                        file.toString(), "-storepass", password + "x"));
                assertNotEquals(0, bad.exit(), bad.output());
            } else {
                System.err.println("SKIPPED keytool check: " + Tools.keytool() + " is absent");
            }

            JsonNode app = json(given().header("Authorization", officer()).get("/v1/key-applications/" + id));
            assertEquals("ISSUED", app.path("status").asText());
            String serial = app.path("certificateSerial").asText();
            String pem = given().header("Authorization", officer()).get("/v1/key-applications/" + id + "/certificate")
                    .then().statusCode(200).extract().asString();
            assertEquals(4, pem.split("BEGIN CERTIFICATE").length, "leaf, issuing and root");
            X509Certificate cert = firstCertificate(pem);
            assertEquals(serial, cert.getSerialNumber().toString(16).toUpperCase());

            // nothing secret anywhere: database (all tables as text), the log, the events
            List<String> secrets = List.of(password, code);
            for (String table : tables()) {
                String dump = dump(table);
                for (String secret : secrets) {
                    assertFalse(dump.contains(secret), "table " + table + " holds a secret");
                }
            }
            Path log = Path.of("target/tmp/signature-test.log");
            assertTrue(Files.exists(log), "the test log is captured");
            String logText = Files.readString(log);
            assertTrue(logText.contains(id), "the log file really holds this test's log lines");
            for (String secret : secrets) {
                assertFalse(logText.contains(secret), "the log holds a secret");
            }
            assertFalse(logText.contains(pinfl), "the log holds a full PINFL");
            assertFalse(logText.contains(phone), "the log holds a full phone number");

            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> issued = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        "kerege.signature.certificate", Duration.ofSeconds(2));
                TestEvents.Received e = issued.stream().filter(r -> serial.equals(r.key())).findFirst().orElseThrow();
                assertEquals("org.kerege.signature.certificate-issued.v1", e.headers().get("ce_type"));
                JsonNode data = JSON.readTree(e.value());
                assertEquals(id, data.path("applicationId").asText());
                assertEquals("**********" + pinfl.substring(10), data.path("maskedIdentifier").asText());
                assertFalse(e.value().contains(pinfl));
            });
            Eventually.within(Duration.ofSeconds(30), () -> {
                List<TestEvents.Received> submittedEvents = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        "kerege.signature.key-application", Duration.ofSeconds(2));
                TestEvents.Received e = submittedEvents.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
                assertEquals("org.kerege.signature.key-application-submitted.v1", e.headers().get("ce_type"));
                assertFalse(e.value().contains(pinfl) || e.value().contains(phone) || e.value().contains(code));
            });

            openssl_accepts_chain_crl_and_ocsp_answers(pem, serial);
        }

        void openssl_accepts_chain_crl_and_ocsp_answers(String pem, String serial) throws Exception {
            if (!Files.isExecutable(Tools.OPENSSL)) {
                System.err.println("SKIPPED openssl checks: /usr/bin/openssl is absent (apt-get install openssl)");
                return;
            }
            String[] parts = pem.split("(?=-----BEGIN CERTIFICATE-----)");
            Path leaf = Files.writeString(tmp(serial + "-leaf.pem"), parts[0]);
            Path issuing = Files.writeString(tmp("issuing.pem"), parts[1]);
            Path root = Files.writeString(tmp("root.pem"), parts[2]);
            Path chain = Files.writeString(tmp("chain.pem"), parts[1] + parts[2]);
            Tools.Run verify = Tools.run(List.of("openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                    issuing.toString(), leaf.toString()));
            assertEquals(0, verify.exit(), verify.output());

            String url = "http://localhost:" + RestAssured.port + "/v1/ocsp";
            Tools.Run good = Tools.run(List.of("openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                    "-url", url, "-CAfile", chain.toString()));
            assertEquals(0, good.exit(), good.output());
            assertTrue(good.output().contains("Response verify OK"), good.output());
            assertTrue(good.output().contains(leaf + ": good"), good.output());

            given().header("Authorization", officer()).contentType("application/json").body("{\"reason\": \"KEY_COMPROMISE\"}")
                    .post("/v1/certificates/" + serial + "/revoke").then().statusCode(200)
                    .body("status", equalTo("REVOKED")).body("revocationReason", equalTo("KEY_COMPROMISE"));
            given().header("Authorization", officer()).contentType("application/json").body("{\"reason\": \"KEY_COMPROMISE\"}")
                    .post("/v1/certificates/" + serial + "/revoke").then().statusCode(409);

            Tools.Run revoked = Tools.run(List.of("openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                    "-url", url, "-CAfile", chain.toString()));
            assertTrue(revoked.output().contains("Response verify OK"), revoked.output());
            assertTrue(revoked.output().contains(leaf + ": revoked"), revoked.output());

            Response crl = given().get("/v1/crl");
            crl.then().statusCode(200).contentType("application/pkix-crl");
            Path crlFile = tmp("ca.crl");
            Files.write(crlFile, crl.asByteArray());
            Tools.Run crlCheck = Tools.run(List.of("openssl", "crl", "-inform", "DER", "-in", crlFile.toString(), "-CAfile",
                    chain.toString(), "-noout", "-text"));
            assertEquals(0, crlCheck.exit(), crlCheck.output());
            assertTrue(crlCheck.output().contains("verify OK"), crlCheck.output());
            assertTrue(crlCheck.output().contains(serial), crlCheck.output());
        }

        @Test
        void an_officer_enters_only_service_centre_applications() {
            submit(officer(), individual(newPinfl(), newPhone(), "PORTAL")).then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:wrong-channel"));
        }

        @Test
        void a_legal_entity_needs_its_tin_and_name() {
            String body = """
                    {"applicantType": "LEGAL_ENTITY", "pinfl": "%s", "holderName": "Ajiniyaz Qosibaev", "phone": "%s",
                     "region": "Nukus", "district": "Nukus", "channel": "SERVICE_CENTRE"}""".formatted(newPinfl(), newPhone());
            submit(officer(), body).then().statusCode(400).body("errors.tin", equalTo("is required for a legal entity"));
            String ok = body.replace("\"channel\"", "\"tin\": \"301234567\", \"organisation\": \"Nukus Textile LLC\", \"channel\"");
            submit(officer(), ok).then().statusCode(201).body("tin", equalTo("*****4567"))
                    .body("applicantType", equalTo("LEGAL_ENTITY"));
        }
    }

    @Nested
    class Online {

        @Test
        void a_citizen_certifies_their_own_csr_signs_verifies_revokes_with_a_code_and_the_signature_turns_invalid()
                throws Exception {
            String pinfl = newPinfl();
            String phone = newPhone();
            String id = readyForIssuance(citizen(pinfl), pinfl, phone, "E_IMZO");
            KeyPair pair = KeyAlgorithm.EC_P256.generate(null);
            Response issued = given().header("Authorization", citizen(pinfl)).contentType("application/pkcs10")
                    .body(TestKeys.csrPem(pair).getBytes(StandardCharsets.US_ASCII)).post("/v1/key-applications/" + id + "/csr");
            issued.then().statusCode(201);
            X509Certificate cert = firstCertificate(issued.asString());
            assertEquals(pair.getPublic(), cert.getPublicKey());
            assertTrue(cert.getSubjectX500Principal().getName().contains("Berdaq Ajiniyazov"));
            String serial = cert.getSerialNumber().toString(16).toUpperCase();

            given().header("Authorization", citizen(pinfl)).contentType("application/pkcs10")
                    .body(TestKeys.csrPem(pair).getBytes(StandardCharsets.US_ASCII)).post("/v1/key-applications/" + id + "/csr")
                    .then().statusCode(410);
            given().header("Authorization", citizen(newPinfl())).get("/v1/key-applications/" + id).then().statusCode(403);

            byte[] data = "Men, Berdaq, arza beremen".getBytes(StandardCharsets.UTF_8);
            byte[] cms = TestKeys.cms(data, pair.getPrivate(), cert, new Date(), true);
            String verifyBody = "{\"signature\": \"" + Base64.getEncoder().encodeToString(cms) + "\", \"data\": \""
                    + Base64.getEncoder().encodeToString(data) + "\"}";
            given().contentType("application/json").body(verifyBody).post("/v1/verify").then().statusCode(200)
                    .body("valid", equalTo(true)).body("signers[0].pinfl", equalTo(pinfl))
                    .body("signers[0].revocation", equalTo("GOOD"));

            given().header("Authorization", citizen(pinfl)).contentType("application/json").body("{\"reason\": \"KEY_COMPROMISE\"}")
                    .post("/v1/certificates/" + serial + "/revoke").then().statusCode(400).body("errors.code", equalTo(
                            "is required when the holder revokes"));
            given().header("Authorization", citizen(pinfl)).post("/v1/certificates/" + serial + "/revocation-code")
                    .then().statusCode(202);
            String code = lastCode(phone);
            given().header("Authorization", citizen(pinfl)).contentType("application/json")
                    .body("{\"reason\": \"KEY_COMPROMISE\", \"code\": \"" + code + "\"}")
                    .post("/v1/certificates/" + serial + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"));

            given().contentType("application/json").body(verifyBody).post("/v1/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("signers[0].revocation", equalTo("REVOKED"));
            given().header("Authorization", citizen(pinfl)).get("/v1/certificates/" + serial).then().statusCode(200)
                    .body("status", equalTo("REVOKED"));
        }

        @Test
        void renewal_while_valid_takes_a_new_key_and_supersedes_the_old_certificate() throws Exception {
            String pinfl = newPinfl();
            String id = readyForIssuance(citizen(pinfl), pinfl, newPhone(), "PORTAL");
            KeyPair first = KeyAlgorithm.RSA_2048.generate(null);
            X509Certificate old = firstCertificate(given().header("Authorization", citizen(pinfl)).contentType("application/pkcs10")
                    .body(TestKeys.csrPem(first).getBytes()).post("/v1/key-applications/" + id + "/csr").then().statusCode(201)
                    .extract().asString());
            String oldSerial = old.getSerialNumber().toString(16).toUpperCase();
            given().header("Authorization", citizen(pinfl)).contentType("application/pkcs10").body(TestKeys.csrPem(first).getBytes())
                    .post("/v1/certificates/" + oldSerial + "/renew").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:same-key"));
            KeyPair second = KeyAlgorithm.EC_P256.generate(null);
            X509Certificate renewed = firstCertificate(given().header("Authorization", citizen(pinfl))
                    .contentType("application/pkcs10").body(TestKeys.csrPem(second).getBytes())
                    .post("/v1/certificates/" + oldSerial + "/renew").then().statusCode(201).extract().asString());
            assertEquals(second.getPublic(), renewed.getPublicKey());
            given().header("Authorization", citizen(pinfl)).get("/v1/certificates/" + oldSerial).then().statusCode(200)
                    .body("status", equalTo("REVOKED")).body("revocationReason", equalTo("SUPERSEDED"))
                    .body("supersededBy", equalTo(renewed.getSerialNumber().toString(16).toUpperCase()));
        }

        @Test
        void a_csr_without_proof_of_possession_is_refused() throws Exception {
            String pinfl = newPinfl();
            String id = readyForIssuance(citizen(pinfl), pinfl, newPhone(), "E_IMZO");
            given().header("Authorization", citizen(pinfl)).contentType("application/pkcs10")
                    .body(TestKeys.csrWithoutPossession(KeyAlgorithm.RSA_2048.generate(null), KeyAlgorithm.RSA_2048.generate(null))
                            .getBytes()).post("/v1/key-applications/" + id + "/csr")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            given().header("Authorization", citizen(pinfl)).get("/v1/key-applications/" + id).then()
                    .body("status", equalTo("IDENTITY_CHECKED"));
        }

        @Test
        void a_citizen_applies_only_for_themself_and_not_at_the_counter() {
            String pinfl = newPinfl();
            submit(citizen(newPinfl()), individual(pinfl, newPhone(), "E_IMZO")).then().statusCode(403);
            submit(citizen(pinfl), individual(pinfl, newPhone(), "SERVICE_CENTRE")).then().statusCode(422);
        }
    }

    @Nested
    class Codes {

        @Test
        void a_new_code_within_a_minute_is_refused_with_retry_after() throws Exception {
            String pinfl = newPinfl();
            Response r = submit(citizen(pinfl), individual(pinfl, newPhone(), "PORTAL"));
            String id = json(r).path("id").asText();
            given().header("Authorization", citizen(pinfl)).post("/v1/key-applications/" + id + "/phone-code").then()
                    .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("type", equalTo("urn:kerege:problem:too-many-codes"));
        }

        @Test
        void five_wrong_codes_lock_the_code_even_for_the_right_one() throws Exception {
            String pinfl = newPinfl();
            String phone = newPhone();
            String id = json(submit(citizen(pinfl), individual(pinfl, phone, "PORTAL"))).path("id").asText();
            String code = lastCode(phone);
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 4; i++) {
                given().header("Authorization", citizen(pinfl)).contentType("application/json").body("{\"code\": \"" + wrong + "\"}")
                        .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(422)
                        .body("type", equalTo("urn:kerege:problem:wrong-code"));
            }
            given().header("Authorization", citizen(pinfl)).contentType("application/json").body("{\"code\": \"" + wrong + "\"}")
                    .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:code-locked"));
            given().header("Authorization", citizen(pinfl)).contentType("application/json").body("{\"code\": \"" + code + "\"}")
                    .post("/v1/key-applications/" + id + "/verify-phone").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:code-locked"));
        }

        @Test
        void malformed_identifiers_are_named_in_the_problem() {
            submit(officer(), individual("1234", "+998901234567", "SERVICE_CENTRE")).then().statusCode(400)
                    .body("errors.pinfl", equalTo("must be exactly 14 digits"));
            submit(officer(), individual(newPinfl(), "+998 71 123 45 67", "SERVICE_CENTRE")).then().statusCode(400)
                    .body("errors.phone", containsString("mobile"));
        }
    }

    @Nested
    class Payments {

        @Test
        void other_fees_are_ignored_and_a_redelivered_payment_changes_nothing() throws Exception {
            String pinfl = newPinfl();
            String phone = newPhone();
            String id = json(submit(citizen(pinfl), individual(pinfl, phone, "PORTAL"))).path("id").asText();
            given().header("Authorization", citizen(pinfl)).contentType("application/json")
                    .body("{\"code\": \"" + lastCode(phone) + "\"}").post("/v1/key-applications/" + id + "/verify-phone")
                    .then().statusCode(200).body("fee.totalMinor", equalTo(337500));
            String foreignInvoice = UUID.randomUUID().toString();
            String foreign = """
                    {"paymentId": "p-1", "invoiceId": "%s", "paymentCode": "ABCDEFGH2", "applicationRef": "MN-2026-000123",
                     "feeCode": "mn.passport.extension", "amountMinor": 850000, "currency": "MNT", "bank": "golomt",
                     "paidAt": "2026-11-21T09:00:00Z"}""".formatted(foreignInvoice);
            TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), "kerege.payments.invoice", foreignInvoice,
                    UUID.randomUUID(), "org.kerege.payments.payment-received.v1", "/kerege/payments", foreign);
            String invoice = PaymentsStandIn.invoiceIdOf(id).toString();
            pay(invoice, id, 337500);
            pay(invoice, id, 337500);
            Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", citizen(pinfl))
                    .get("/v1/key-applications/" + id).then().body("status", equalTo("PAID"))
                    .body("paidAt", equalTo("2026-11-21T09:00:00Z")));
            List<TestEvents.Received> dead = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                    "kerege.payments.invoice.dlq", Duration.ofSeconds(2));
            assertTrue(dead.stream().noneMatch(r -> invoice.equals(r.key()) || foreignInvoice.equals(r.key())), dead.toString());
        }
    }

    @Nested
    class PublicEndpoints {

        @Test
        void garbage_ocsp_requests_and_csrs_answer_400_problems() {
            given().contentType("application/ocsp-request").body("garbage".getBytes()).post("/v1/ocsp").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
            given().contentType("application/json").body("{\"signature\": \"aGVsbG8=\"}").post("/v1/verify").then()
                    .statusCode(400).contentType(startsWith("application/problem+json"));
        }

        @Test
        void the_chain_is_public() {
            given().get("/v1/ca/chain").then().statusCode(200).body(containsString("BEGIN CERTIFICATE"));
        }
    }

    @Nested
    class Reminders {

        @Test
        void a_certificate_ten_days_from_its_end_gets_one_14_day_reminder_once() throws Exception {
            String pinfl = newPinfl();
            String id = readyForIssuance(citizen(pinfl), pinfl, newPhone(), "E_IMZO");
            X509Certificate cert = firstCertificate(given().header("Authorization", citizen(pinfl))
                    .contentType("application/pkcs10").body(TestKeys.csrPem(KeyAlgorithm.EC_P256.generate(null)).getBytes())
                    .post("/v1/key-applications/" + id + "/csr").then().statusCode(201).extract().asString());
            String serial = cert.getSerialNumber().toString(16).toUpperCase();
            sql("update signature.certificate set not_after = now() + interval '10 days' where serial = '" + serial + "'");
            assertTrue(reminders.run() >= 1);
            assertEquals(0, reminders.run(), "a second run (or another instance) raises nothing again");
            Eventually.within(Duration.ofSeconds(30), () -> {
                TestEvents.Received e = TestEvents.readAll(KeregeTestResource.kafka().bootstrapServers(),
                        "kerege.signature.certificate", Duration.ofSeconds(2)).stream()
                        .filter(r -> serial.equals(r.key())
                                && "org.kerege.signature.certificate-expiring.v1".equals(r.headers().get("ce_type")))
                        .findFirst().orElseThrow();
                assertEquals(14, JSON.readTree(e.value()).path("daysLeft").asInt());
            });
        }
    }

    static Connection db() throws Exception {
        Map<String, String> c = KeregeTestResource.config();
        return DriverManager.getConnection(c.get(KeregeTestResource.JDBC_URL), c.get(KeregeTestResource.DB_USERNAME),
                c.get(KeregeTestResource.DB_PASSWORD));
    }

    static void sql(String statement) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> tables() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'signature'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertTrue(out.contains("key_application") && out.contains("one_time_code") && out.contains("outbox_event"), out.toString());
        return out;
    }

    static String dump(String table) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t::text from signature.\"" + table + "\" t")) {
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
        }
        return b.toString();
    }
}
