package org.kerege.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kerege.devstack.Suite;
import org.kerege.devstack.testing.Eventually;

/**
 * The event backbone under faults, on the suite started as {@code ./kerege run} starts it: bursts of
 * invoice events from payments-service's outbox to status-service's inbox, with the broker stopped
 * longer than the producer's delivery timeout, with the consumer SIGKILLed mid-batch, and with two
 * instances of the producer relaying the same outbox. Each run prints its counts and asserts every
 * event applied exactly once.
 */
class EventBackboneFaultsTest {

    static final int BURST = 5_000;
    static final int CLIENTS = 8;
    /** The relay's delivery timeout in these runs; the broker outage lasts longer. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    static final Duration OUTAGE = Duration.ofSeconds(18);
    static final Duration DRAIN = Duration.ofMinutes(4);

    static Path repoRoot() {
        return Path.of(System.getProperty("kerege.module.dir", ".")).resolve("../..").toAbsolutePath().normalize();
    }

    /** Each run's applications get their own prefix, so that counts never include an earlier run's. */
    static final String RUN_ID = java.util.UUID.randomUUID().toString().substring(0, 8);

    static String ref(String run) {
        return run + "-" + RUN_ID;
    }

    static Suite start(String name, int instances) {
        Path data = Path.of(System.getProperty("kerege.module.dir", ".")).resolve("target/journeys/" + name);
        deleteRecursively(data); // a topology starts from an empty database and broker every time
        return Suite.builder().repoRoot(repoRoot()).dataDir(data).randomPorts().instancesPerService(instances)
                .services(Suite.Service.PAYMENTS, Suite.Service.STATUS)
                .env(Suite.Service.PAYMENTS, "KEREGE_EVENTS_RELAY_DELIVERY_TIMEOUT", DELIVERY_TIMEOUT.toSeconds() + "s")
                .env("KEREGE_EVENTS_RELAY_MAX_BACKOFF", "3s")
                .stopOnJvmExit(true).start();
    }

    static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String officer(Suite suite) {
        return suite.token("officer", "officer-journeys", Map.of("office", "mn-ub-passport"));
    }

    static long count(Suite suite, String sql, String like) throws Exception {
        try (Connection c = suite.postgres().connect("kerege"); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Fees of a run's applications that status-service shows. */
    static long feesShown(Suite suite, String run) throws Exception {
        return count(suite, "select count(*) from status.application_fee where application_ref like ?", run + "-%");
    }

    /** The consumer's count of redeliveries it skipped, summed over its instances (since each started). */
    static long redelivered(Suite suite) {
        long total = 0;
        Pattern line = Pattern.compile("(?m)^kerege_inbox_duplicates_total\\{[^}]*}\\s+([0-9.E]+)$");
        for (int i = 1; i <= suite.instancesPerService(); i++) {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(suite.url(Suite.Service.STATUS, i) + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = line.matcher(r.body());
                while (m.find()) {
                    total += (long) Double.parseDouble(m.group(1));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    /**
     * The consumer may apply an event before the relay has recorded Kafka's acknowledgement; wait for
     * the outbox to say every event of the burst was sent before counting.
     */
    static void awaitRelayed(Suite suite, List<String> ids, long expected) {
        Eventually.within(Duration.ofMinutes(1), () -> assertEquals(expected, BurstReport.sent(suite, ids)));
    }

    static void assertExactlyOnce(BurstReport report) {
        assertEquals(report.expectedEvents(), report.sent(), "every event of the burst was relayed");
        assertEquals(report.expectedEvents(), report.applied(), "every event applied once");
        assertEquals(0, report.duplicatesApplied(), "no event applied twice");
        assertEquals(0, report.outOfOrder(), "order kept per aggregate");
        assertEquals(0, report.deadLettered(), "nothing dead-lettered");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OneInstanceEach {

        Suite suite;
        Invoices invoices;

        @BeforeAll
        void start() {
            suite = EventBackboneFaultsTest.start("one-instance", 1);
            invoices = new Invoices(officer(suite));
        }

        @AfterAll
        void stop() {
            suite.close();
        }

        @Test
        @Order(1)
        void run1_broker_stopped_longer_than_the_delivery_timeout_loses_nothing() throws Exception {
            String payments = suite.url(Suite.Service.PAYMENTS, 1);
            CompletableFuture<List<String>> burst = CompletableFuture.supplyAsync(() -> {
                try {
                    return invoices.burst(BURST, CLIENTS, i -> payments, ref("RUN1"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.within(Duration.ofMinutes(2), () -> assertTrue(feesShown(suite, ref("RUN1")) > 200));
            suite.kafka().stop();
            Thread.sleep(OUTAGE.toMillis());
            List<String> ids;
            if (burst.isDone()) {
                ids = burst.get();
            } else {
                ids = null;
            }
            suite.kafka().restart();
            if (ids == null) {
                ids = burst.get();
            }
            List<String> issued = ids;
            Eventually.within(DRAIN, () -> assertEquals(BURST, feesShown(suite, ref("RUN1"))));
            awaitRelayed(suite, issued, BURST);
            BurstReport report = BurstReport.collect(suite, issued, BURST, redelivered(suite));
            System.out.println(report.describe("run 1 (broker down " + OUTAGE.toSeconds() + " s > delivery timeout "
                    + DELIVERY_TIMEOUT.toSeconds() + " s)"));
            assertExactlyOnce(report);
        }

        @Test
        @Order(2)
        void run2_consumer_killed_mid_batch_gets_redeliveries_and_applies_each_once() throws Exception {
            long redeliveredBefore = 0; // counters restart with the process
            suite.stop(Suite.Service.STATUS, 1);
            List<String> ids = invoices.burst(BURST, CLIENTS, i -> suite.url(Suite.Service.PAYMENTS, 1), ref("RUN2"));
            suite.restart(Suite.Service.STATUS, 1);
            Eventually.within(Duration.ofMinutes(2), () -> assertTrue(feesShown(suite, ref("RUN2")) > 500));
            suite.kill(Suite.Service.STATUS, 1);
            long beforeKill = feesShown(suite, ref("RUN2"));
            suite.restart(Suite.Service.STATUS, 1);
            Eventually.within(DRAIN, () -> assertEquals(BURST, feesShown(suite, ref("RUN2"))));
            awaitRelayed(suite, ids, BURST);
            BurstReport report = BurstReport.collect(suite, ids, BURST, redelivered(suite) - redeliveredBefore);
            System.out.println(report.describe("run 2 (consumer SIGKILLed after " + beforeKill + " applied)"));
            assertExactlyOnce(report);
            assertTrue(report.redelivered() > 0, "Kafka redelivered events the killed consumer had applied");
        }

        @Test
        @Order(3)
        void run4_postgres_restarted_mid_burst_loses_nothing_and_applies_each_once() throws Exception {
            String payments = suite.url(Suite.Service.PAYMENTS, 1);
            CompletableFuture<List<String>> burst = CompletableFuture.supplyAsync(() -> {
                try {
                    return invoices.burst(BURST, CLIENTS, i -> payments, ref("RUN4"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.within(Duration.ofMinutes(2), () -> assertTrue(feesShown(suite, ref("RUN4")) > 200));
            long beforeRestart = feesShown(suite, ref("RUN4"));
            suite.postgres().restart();
            List<String> ids = burst.get();
            Eventually.within(DRAIN, () -> assertEquals(BURST, feesShown(suite, ref("RUN4"))));
            awaitRelayed(suite, ids, BURST);
            BurstReport report = BurstReport.collect(suite, ids, BURST, redelivered(suite));
            System.out.println(report.describe("run 4 (PostgreSQL restarted after " + beforeRestart + " applied)"));
            assertExactlyOnce(report);
            assertEquals(BURST, new java.util.HashSet<>(ids).size(), "each retried request made one invoice");
            assertEquals(BURST, count(suite, "select count(*) from payments.invoice where application_ref like ?",
                    ref("RUN4") + "-%"), "no invoice was issued twice by a retry");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TwoInstancesEach {

        Suite suite;

        @BeforeAll
        void start() {
            suite = EventBackboneFaultsTest.start("two-instances", 2);
        }

        @AfterAll
        void stop() {
            suite.close();
        }

        @Test
        void run3_two_producer_instances_relaying_one_outbox_keep_order_per_aggregate() throws Exception {
            Invoices invoices = new Invoices(officer(suite));
            int issuedCount = BURST / 2;
            List<String> ids = invoices.burst(issuedCount, CLIENTS,
                    i -> suite.url(Suite.Service.PAYMENTS, 1 + i % 2), ref("RUN3"));
            // Every invoice gets a second event: cancelled through the other instance.
            for (int i = 0; i < ids.size(); i++) {
                invoices.cancel(suite.url(Suite.Service.PAYMENTS, 2 - i % 2), ids.get(i));
            }
            Eventually.within(DRAIN, () -> assertEquals(issuedCount, count(suite,
                    "select count(*) from status.application_fee where status = 'CANCELLED' and application_ref like ?",
                    ref("RUN3") + "-%")));
            awaitRelayed(suite, ids, 2L * issuedCount);
            BurstReport report = BurstReport.collect(suite, ids, 2L * issuedCount, redelivered(suite));
            System.out.println(report.describe("run 3 (two payments and two status instances)"));
            assertExactlyOnce(report);
        }
    }
}
