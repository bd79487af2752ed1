package org.kerege.journeys;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kerege.devstack.Suite;
import org.kerege.devstack.testing.TestEvents;

/**
 * What happened to a burst of invoice events between payments-service's outbox and status-service's
 * inbox, counted from the outbox, the Kafka topic and the consumer's tables.
 *
 * @param sent                 outbox rows of the burst marked as sent
 * @param onKafka              records of the burst on the topic
 * @param duplicatesOnKafka    records on the topic beyond one per event id (relay retries after an outage)
 * @param applied              events the consumer recorded as applied (inbox rows)
 * @param redelivered          events the consumer was handed again and skipped (its inbox duplicates counter)
 * @param duplicatesApplied    invoice-issued events applied more than once to the same fee row
 * @param outOfOrder           aggregates whose events were applied in another order than written
 * @param deadLettered         records of the burst on the dead-letter topic
 */
record BurstReport(long expectedEvents, long sent, long onKafka, long duplicatesOnKafka, long applied,
                   long redelivered, long duplicatesApplied, long outOfOrder, long deadLettered) {

    static final String TOPIC = "kerege.payments.invoice";

    static BurstReport collect(Suite suite, List<String> invoiceIds, long expectedEvents, long redelivered)
            throws SQLException {
        try (Connection c = suite.postgres().connect("kerege")) {
            Array ids = c.createArrayOf("text", invoiceIds.toArray());
            long sent = count(c, "select count(*) from payments.outbox_event where aggregate_id = any(?) and sent_at is not null", ids);
            long applied = count(c, "select count(*) from status.inbox_event where consumer = 'status-service' and subject = any(?)", ids);
            long duplicatesApplied = count(c,
                    "select coalesce(sum(times_applied - 1), 0) from status.application_fee where invoice_id = any(?)", ids);
            long outOfOrder = outOfOrder(c, ids);
            Set<String> burst = new HashSet<>(invoiceIds);
            List<TestEvents.Received> records = TestEvents.readAll(suite.kafka().bootstrapServers(), TOPIC,
                    Duration.ofSeconds(4)).stream().filter(r -> burst.contains(r.key())).toList();
            long distinct = records.stream().map(r -> r.headers().get("ce_id")).distinct().count();
            long dead = TestEvents.readAll(suite.kafka().bootstrapServers(), TOPIC + ".dlq", Duration.ofSeconds(2))
                    .stream().filter(r -> burst.contains(r.key())).count();
            return new BurstReport(expectedEvents, sent, records.size(), records.size() - distinct, applied, redelivered,
                    duplicatesApplied, outOfOrder, dead);
        }
    }

    /** Outbox rows of the burst marked sent (the relay marks them after Kafka's acknowledgement). */
    static long sent(Suite suite, List<String> invoiceIds) throws SQLException {
        try (Connection c = suite.postgres().connect("kerege")) {
            return count(c, "select count(*) from payments.outbox_event where aggregate_id = any(?) and sent_at is not null",
                    c.createArrayOf("text", invoiceIds.toArray()));
        }
    }

    /** Per aggregate, the consumer's applied order (inbox seq) must follow the producer's order (outbox seq). */
    private static long outOfOrder(Connection c, Array ids) throws SQLException {
        Map<String, List<String>> written = sequences(c, """
                select aggregate_id, id::text from payments.outbox_event where aggregate_id = any(?) order by seq""", ids);
        Map<String, List<String>> applied = sequences(c, """
                select subject, event_id::text from status.inbox_event
                where consumer = 'status-service' and subject = any(?) order by seq""", ids);
        long wrong = 0;
        for (Map.Entry<String, List<String>> e : applied.entrySet()) {
            List<String> expected = new ArrayList<>(written.getOrDefault(e.getKey(), List.of()));
            expected.retainAll(e.getValue());
            if (!expected.equals(e.getValue())) {
                wrong++;
            }
        }
        return wrong;
    }

    private static Map<String, List<String>> sequences(Connection c, String sql, Array ids) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String describe(String run) {
        return String.format("%s: events=%d sent=%d on-kafka=%d duplicates-on-kafka=%d applied=%d redelivered=%d "
                        + "duplicates-applied=%d out-of-order-aggregates=%d dead-lettered=%d",
                run, expectedEvents, sent, onKafka, duplicatesOnKafka, applied, redelivered, duplicatesApplied,
                outOfOrder, deadLettered);
    }
}
