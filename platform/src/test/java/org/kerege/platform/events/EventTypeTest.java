package org.kerege.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kerege.platform.events.catalog.CatalogPublishedV1;

class EventTypeTest {

    @KeregeEvent(service = "payments", aggregate = "invoice", name = "payment-received", version = 2)
    record PaymentReceivedV2(String invoiceId) implements Event {
        @Override
        public String aggregateId() {
            return invoiceId;
        }
    }

    record Unannotated(String id) implements Event {
        @Override
        public String aggregateId() {
            return id;
        }
    }

    @Test
    void names_follow_the_contract_sheet() {
        EventType t = EventType.of(PaymentReceivedV2.class);
        assertEquals("org.kerege.payments.payment-received.v2", t.type());
        assertEquals("kerege.payments.invoice", t.topic());
        assertEquals("/kerege/payments", t.source());
        assertEquals("org.kerege.payments.payment-received", t.family());
        assertEquals("kerege.payments.invoice.dlq", EventType.deadLetterTopic(t.topic()));
    }

    @Test
    void catalog_published_travels_on_the_requirements_catalog_topic() {
        EventType t = EventType.of(CatalogPublishedV1.class);
        assertEquals("org.kerege.requirements.catalog-published.v1", t.type());
        assertEquals("kerege.requirements.catalog", t.topic());
        assertEquals(Set.of("kerege.requirements.catalog"), EventCatalog.topicsProducedBy("requirements"));
        assertEquals(Set.of("kerege.signature.certificate", "kerege.signature.key-application"),
                EventCatalog.topicsProducedBy("signature"));
    }

    @Test
    void a_record_without_annotation_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> EventType.of(Unannotated.class));
    }

    @Test
    void family_drops_only_a_numeric_version_suffix() {
        assertEquals("org.kerege.a.b", EventType.familyOf("org.kerege.a.b.v12"));
        assertEquals("org.kerege.a.b.vx", EventType.familyOf("org.kerege.a.b.vx"));
        assertEquals("org.kerege.a.b.v", EventType.familyOf("org.kerege.a.b.v"));
        assertEquals("plain", EventType.familyOf("plain"));
    }

    @Test
    void an_aggregate_always_falls_in_the_same_bucket_and_buckets_spread() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int b = Outbox.bucketOf("invoice-" + i, 32);
            assertTrue(b >= 0 && b < 32);
            assertEquals(b, Outbox.bucketOf("invoice-" + i, 32));
            seen.add(b);
        }
        assertEquals(32, seen.size());
    }

    @Test
    void database_outages_are_not_mistaken_for_bad_events() {
        assertTrue(InboxConsumer.isInfrastructureFailure(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(InboxConsumer.isInfrastructureFailure(new SQLException("admin shutdown", "57P01")));
        assertTrue(InboxConsumer.isInfrastructureFailure(new SQLException("Acquisition timeout while waiting")));
        assertTrue(InboxConsumer.isInfrastructureFailure(new IllegalStateException(new ConnectException())));
        assertFalse(InboxConsumer.isInfrastructureFailure(new SQLException("duplicate key", "23505")));
        assertFalse(InboxConsumer.isInfrastructureFailure(new IllegalArgumentException("bad payload")));
    }

    @Test
    void the_notify_channel_is_a_safe_identifier() {
        assertEquals("kerege_outbox_payments", Outbox.notifyChannel("payments"));
        assertEquals("kerege_outbox_a_b", Outbox.notifyChannel("a;b"));
    }
}
