package org.kerege.status.fees;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;

/** status-service shows an application's fees from payments-service's invoice events on real Kafka. */
@QuarkusTest
class InvoiceEventsConsumerTest {

    static final String TOPIC = "kerege.payments.invoice";

    static String officer() {
        return "Bearer " + KeregeTestResource.token("officer", "officer-1", Map.of("office", "mn-ub-passport"));
    }

    static void issued(UUID eventId, String invoiceId, String applicationRef) {
        TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), TOPIC, invoiceId, eventId,
                "org.kerege.payments.invoice-issued.v1", "/kerege/payments", """
                        {"invoiceId": "%s", "paymentCode": "MN7Q4M2X9", "applicationRef": "%s",
                         "feeCode": "mn.passport.extension", "totalMinor": 850000, "currency": "MNT",
                         "lines": [{"description": "Extension, 3 years", "account": "1401001101", "beneficiary": "ОӨУБЕГ", "amountMinor": 600000},
                                   {"description": "Stamp duty", "account": "1401002649", "beneficiary": "ОӨУБЕГ", "amountMinor": 250000}],
                         "issuedAt": "2026-11-21T03:00:00Z", "expiresAt": "2026-12-01T03:00:00Z"}""".formatted(invoiceId, applicationRef));
    }

    @Test
    void an_issued_invoice_becomes_a_fee_due_once_even_when_delivered_twice_and_a_cancellation_closes_it() {
        String invoice = "inv-" + UUID.randomUUID();
        String application = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        UUID eventId = UUID.randomUUID();
        issued(eventId, invoice, application);
        issued(eventId, invoice, application);
        Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", officer())
                .get("/v1/application-fees/" + application).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("DUE")).body("[0].totalMinor", equalTo(850000))
                .body("[0].currency", equalTo("MNT")));

        TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), TOPIC, invoice, UUID.randomUUID(),
                "org.kerege.payments.invoice-cancelled.v1", "/kerege/payments", """
                        {"invoiceId": "%s", "applicationRef": "%s", "reason": "issued for the wrong service",
                         "cancelledAt": "2026-11-21T04:00:00Z"}""".formatted(invoice, application));
        Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", officer())
                .get("/v1/application-fees/" + application).then().statusCode(200)
                .body("[0].status", equalTo("CANCELLED")).body("[0].cancelReason", equalTo("issued for the wrong service")));
    }

    @Test
    void a_cancellation_of_an_invoice_never_issued_is_dead_lettered_not_lost() {
        UUID id = UUID.randomUUID();
        String invoice = "inv-" + UUID.randomUUID();
        TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), TOPIC, invoice, id,
                "org.kerege.payments.invoice-cancelled.v1", "/kerege/payments", """
                        {"invoiceId": "%s", "applicationRef": null, "reason": "x", "cancelledAt": "2026-11-21T04:00:00Z"}"""
                        .formatted(invoice));
        Eventually.within(Duration.ofSeconds(60), () -> assertTrue(TestEvents.readAll(
                KeregeTestResource.kafka().bootstrapServers(), TOPIC + ".dlq", Duration.ofSeconds(2)).stream()
                .anyMatch(r -> id.toString().equals(r.headers().get("ce_id"))
                        && r.headers().get("kerege_dlq_reason").contains("cancelled before it was issued"))));
    }

    @Test
    void only_officers_services_and_admins_see_fees() {
        given().get("/v1/application-fees/APP-1").then().statusCode(401);
        given().header("Authorization", "Bearer " + KeregeTestResource.token("citizen", "12345678901234", Map.of()))
                .get("/v1/application-fees/APP-1").then().statusCode(403);
    }
}
