package org.kerege.status.fees;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;
import org.kerege.devstack.testing.Eventually;
import org.kerege.devstack.testing.TestEvents;

/**
 * Expired invoices and refunded payments, as payments-service announces them on real Kafka, change what the fee
 * view shows. Every invoice here is for 8 500.00 MNT (850000 minor units), issued 21 November 2026 and payable
 * until 1 December 2026.
 */
@QuarkusTest
class FeeExpiryAndRefundTest {

    static final String TOPIC = "kerege.payments.invoice";
    static final String REFUNDED_TYPE = "org.kerege.payments.payment-refunded.v1";
    static final String KG_OFFICE = "kg.bishkek.psc-1";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    static String officer() {
        return "Bearer " + KeregeTestResource.token("officer", "officer-1", Map.of("office", "mn-ub-passport"));
    }

    static String kgOfficer() {
        return "Bearer " + KeregeTestResource.token("officer", "officer-dana", Map.of("office", KG_OFFICE,
                "name", "Dana Serikova", "position", "Senior inspector"));
    }

    static void send(String invoiceId, UUID eventId, String type, String json) {
        TestEvents.send(KeregeTestResource.kafka().bootstrapServers(), TOPIC, invoiceId, eventId, type,
                "/kerege/payments", json);
    }

    static void issued(String invoiceId, String applicationRef) {
        send(invoiceId, UUID.randomUUID(), "org.kerege.payments.invoice-issued.v1", """
                {"invoiceId": "%s", "paymentCode": "MN7Q4M2X9", "applicationRef": "%s",
                 "feeCode": "mn.passport.extension", "totalMinor": 850000, "currency": "MNT",
                 "lines": [{"description": "Extension, 3 years", "account": "1401001101", "beneficiary": "ОӨУБЕГ", "amountMinor": 600000},
                           {"description": "Stamp duty", "account": "1401002649", "beneficiary": "ОӨУБЕГ", "amountMinor": 250000}],
                 "issuedAt": "2026-11-21T03:00:00Z", "expiresAt": "2026-12-01T03:00:00Z"}""".formatted(invoiceId, applicationRef));
    }

    static void paid(String invoiceId, String applicationRef) {
        send(invoiceId, UUID.randomUUID(), "org.kerege.payments.payment-received.v1", """
                {"paymentId": "pay-%s", "invoiceId": "%s", "paymentCode": "MN7Q4M2X9", "applicationRef": "%s",
                 "feeCode": "mn.passport.extension", "amountMinor": 850000, "currency": "MNT", "bank": "khan-mn",
                 "paidAt": "2026-11-22T02:15:00Z"}""".formatted(invoiceId, invoiceId, applicationRef));
    }

    static void expired(UUID eventId, String invoiceId, String applicationRef) {
        send(invoiceId, eventId, "org.kerege.payments.invoice-expired.v1", """
                {"invoiceId": "%s", "paymentCode": "MN7Q4M2X9", "applicationRef": "%s", "feeCode": "mn.passport.extension",
                 "expiresAt": "2026-12-01T03:00:00Z", "expiredAt": "2026-12-01T03:00:42Z"}""".formatted(invoiceId, applicationRef));
    }

    static void refunded(UUID eventId, String refundId, String invoiceId, String applicationRef, long amountMinor,
                         long refundedTotalMinor, boolean fully, String reason, String refundedAt) {
        send(invoiceId, eventId, REFUNDED_TYPE, """
                {"refundId": "%s", "paymentId": "pay-%s", "invoiceId": "%s", "applicationRef": "%s",
                 "amountMinor": %d, "currency": "MNT", "refundedTotalMinor": %d, "fullyRefunded": %b,
                 "bank": "khan-mn", "reason": "%s", "refundedAt": "%s"}"""
                .formatted(refundId, invoiceId, invoiceId, applicationRef, amountMinor, refundedTotalMinor, fully, reason,
                        refundedAt));
    }

    static String newApplicationRef() {
        return "APP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The fee view of an application, as an officer of the Mongolian office reads it. */
    static ValidatableResponse fees(String applicationRef) {
        return given().header("Authorization", officer()).get("/v1/application-fees/" + applicationRef).then();
    }

    static void eventuallyShows(String applicationRef, String status) {
        Eventually.within(Duration.ofSeconds(30), () -> fees(applicationRef).statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo(status)));
    }

    /** Waits until the inbox has applied (and committed) the event: a refused event never gets a row. */
    void eventuallyApplied(UUID eventId) {
        Eventually.within(Duration.ofSeconds(60), () -> assertEquals(1L, ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue()));
    }

    @Nested
    class Expiry {

        @Test
        void a_fee_still_due_when_its_invoice_expires_shows_as_expired_with_the_time() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            eventuallyShows(application, "DUE");

            expired(UUID.randomUUID(), invoice, application);
            eventuallyShows(application, "EXPIRED");
            fees(application)
                    .body("[0].expiredAt", equalTo("2026-12-01T03:00:42Z"))
                    .body("[0].expiresAt", equalTo("2026-12-01T03:00:00Z"))
                    .body("[0].paidAt", nullValue());
        }

        @Test
        void a_paid_fee_stays_paid_when_an_expiry_arrives() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            paid(invoice, application);
            eventuallyShows(application, "PAID");

            UUID expiry = UUID.randomUUID();
            expired(expiry, invoice, application);
            eventuallyApplied(expiry);
            fees(application)
                    .body("[0].status", equalTo("PAID"))
                    .body("[0].paidAt", equalTo("2026-11-22T02:15:00Z"))
                    .body("[0].expiredAt", nullValue());
        }
    }

    @Nested
    class Refund {

        @Test
        void a_full_refund_shows_the_fee_as_refunded_with_amount_time_and_reason() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            paid(invoice, application);
            eventuallyShows(application, "PAID");

            refunded(UUID.randomUUID(), "ref-1", invoice, application, 850000, 850000, true,
                    "application withdrawn before review", "2026-11-25T05:30:00Z");
            eventuallyShows(application, "REFUNDED");
            fees(application)
                    .body("[0].refundedMinor", equalTo(850000))
                    .body("[0].refundCurrency", equalTo("MNT"))
                    .body("[0].refundedAt", equalTo("2026-11-25T05:30:00Z"))
                    .body("[0].refundReason", equalTo("application withdrawn before review"))
                    .body("[0].paidAt", equalTo("2026-11-22T02:15:00Z"));
        }

        @Test
        void a_partial_refund_keeps_the_fee_paid_until_the_rest_is_refunded() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            paid(invoice, application);
            eventuallyShows(application, "PAID");

            UUID stampDuty = UUID.randomUUID();
            refunded(stampDuty, "ref-1", invoice, application, 250000, 250000, false, "stamp duty charged twice",
                    "2026-11-23T06:00:00Z");
            eventuallyApplied(stampDuty);
            fees(application)
                    .body("[0].status", equalTo("PAID"))
                    .body("[0].refundedMinor", equalTo(250000))
                    .body("[0].refundCurrency", equalTo("MNT"))
                    .body("[0].refundedAt", equalTo("2026-11-23T06:00:00Z"))
                    .body("[0].refundReason", equalTo("stamp duty charged twice"));

            refunded(UUID.randomUUID(), "ref-2", invoice, application, 600000, 850000, true,
                    "application withdrawn", "2026-11-26T07:00:00Z");
            eventuallyShows(application, "REFUNDED");
            fees(application)
                    .body("[0].refundedMinor", equalTo(850000))
                    .body("[0].refundedAt", equalTo("2026-11-26T07:00:00Z"))
                    .body("[0].refundReason", equalTo("application withdrawn"));
        }

        @Test
        void a_refund_delivered_twice_is_counted_once() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            paid(invoice, application);
            eventuallyShows(application, "PAID");
            double duplicatesBefore = metrics.counter("kerege.inbox.duplicates", "type", REFUNDED_TYPE).count();

            UUID refund = UUID.randomUUID();
            refunded(refund, "ref-1", invoice, application, 100000, 100000, false, "overpaid", "2026-11-23T06:00:00Z");
            refunded(refund, "ref-1", invoice, application, 100000, 100000, false, "overpaid", "2026-11-23T06:00:00Z");
            Eventually.within(Duration.ofSeconds(60), () -> assertTrue(
                    metrics.counter("kerege.inbox.duplicates", "type", REFUNDED_TYPE).count() >= duplicatesBefore + 1));
            fees(application)
                    .body("[0].status", equalTo("PAID")).body("[0].refundedMinor", equalTo(100000));
        }

        @Test
        void a_refund_announced_again_after_a_later_one_does_not_lower_the_refunded_total() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            issued(invoice, application);
            paid(invoice, application);
            eventuallyShows(application, "PAID");

            refunded(UUID.randomUUID(), "ref-1", invoice, application, 100000, 100000, false, "overpaid",
                    "2026-11-23T06:00:00Z");
            refunded(UUID.randomUUID(), "ref-2", invoice, application, 50000, 150000, false, "courier fee not owed",
                    "2026-11-24T06:00:00Z");
            UUID again = UUID.randomUUID();
            refunded(again, "ref-1", invoice, application, 100000, 100000, false, "overpaid", "2026-11-23T06:00:00Z");
            eventuallyApplied(again);
            fees(application)
                    .body("[0].status", equalTo("PAID"))
                    .body("[0].refundedMinor", equalTo(150000))
                    .body("[0].refundedAt", equalTo("2026-11-24T06:00:00Z"))
                    .body("[0].refundReason", equalTo("courier fee not owed"));
        }

        @Test
        void a_full_refund_leaves_the_application_where_it_was() {
            String number = given().header("Authorization", kgOfficer()).contentType(ContentType.JSON).body("""
                    {"serviceCode": "kg.passport.id-card",
                     "applicant": {"id": "77778888999922", "name": "Aibek Toktogulov", "language": "ky"},
                     "documents": ["Passport being replaced", "Photo 4x6"],
                     "delivery": {"choice": "PICK_UP"}}""")
                    .post("/v1/applications").then().statusCode(201).extract().jsonPath().getString("number");
            String invoice = "inv-" + UUID.randomUUID();
            issued(invoice, number);
            paid(invoice, number);
            Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", kgOfficer())
                    .get("/v1/applications/" + number).then().statusCode(200).body("state", equalTo("FEE_PAID")));
            int historyBefore = given().header("Authorization", kgOfficer()).get("/v1/applications/" + number)
                    .then().extract().jsonPath().getList("history").size();

            refunded(UUID.randomUUID(), "ref-1", invoice, number, 850000, 850000, true, "paid for the wrong service",
                    "2026-11-25T05:30:00Z");
            Eventually.within(Duration.ofSeconds(30), () -> given().header("Authorization", kgOfficer())
                    .get("/v1/application-fees/" + number).then().statusCode(200).body("[0].status", equalTo("REFUNDED")));
            given().header("Authorization", kgOfficer()).get("/v1/applications/" + number).then().statusCode(200)
                    .body("state", equalTo("FEE_PAID"))
                    .body("history.size()", equalTo(historyBefore));
        }
    }

    @Nested
    class Unknown_invoice {

        @Test
        void an_expiry_and_a_refund_of_an_invoice_never_issued_change_nothing_and_later_events_still_apply() {
            String invoice = "inv-" + UUID.randomUUID();
            String application = newApplicationRef();
            UUID expiry = UUID.randomUUID();
            UUID refund = UUID.randomUUID();
            expired(expiry, invoice, application);
            refunded(refund, "ref-1", invoice, application, 850000, 850000, true, "x", "2026-11-25T05:30:00Z");
            eventuallyApplied(expiry);
            eventuallyApplied(refund);

            issued(invoice, application);
            eventuallyShows(application, "DUE");
            fees(application)
                    .body("[0].expiredAt", nullValue())
                    .body("[0].refundedMinor", nullValue());
        }
    }
}
