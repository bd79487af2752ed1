package org.kerege.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kerege.devstack.Suite;

/**
 * The five citizen journeys on the whole suite, started as {@code ./kerege run} starts it, once per
 * topology: one instance of every service, then two (calls alternate between the instances at every
 * step). The Kazakh refugee petition runs on a suite whose clock stands in June 2013, when the
 * standard was in force.
 */
class CitizenJourneysTest {

    /** Friday 7 June 2013, 10:00 in Almaty (UTC+6 then). */
    static final Instant KAZAKH_STANDARD_IN_FORCE = Instant.parse("2013-06-07T04:00:00Z");

    static Suite start(String name, int instances, Duration clockOffset, Suite.Service... services) {
        Path data = Path.of(System.getProperty("kerege.module.dir", ".")).resolve("target/journeys/" + name);
        EventBackboneFaultsTest.deleteRecursively(data);
        Suite.Builder b = Suite.builder().repoRoot(EventBackboneFaultsTest.repoRoot()).dataDir(data).randomPorts()
                .instancesPerService(instances).services(services)
                // A booked visitor may check in early in these journeys: the first free slot may be days away.
                .env(Suite.Service.APPOINTMENTS, "KEREGE_APPOINTMENTS_CHECK_IN_EARLY", "P30D")
                .stopOnJvmExit(true);
        if (clockOffset != null) {
            b.env("KEREGE_CLOCK_OFFSET", clockOffset.toString());
        }
        return b.start();
    }

    abstract static class Today {
        Suite suite;
        SuiteApi api;

        abstract int instances();

        @BeforeAll
        void start() {
            suite = CitizenJourneysTest.start("journeys-" + instances(), instances(), null, Suite.Service.values());
            api = new SuiteApi(suite);
        }

        @AfterAll
        void stop() {
            if (suite != null) {
                suite.close();
            }
        }

        @Test
        void j1_kyrgyz_id_passport_after_loss_from_checklist_to_home_delivery() {
            CitizenJourneys.kyrgyzIdPassportAfterLoss(api);
        }

        @Test
        void j2_mongolian_extension_for_an_elder_at_the_priority_window_paid_by_qr() {
            CitizenJourneys.mongolianExtensionForAnElder(api);
        }

        @Test
        void j4_uzbek_e_key_online_from_sms_code_to_revocation_seen_by_ocsp() throws Exception {
            assumeTrue(Tools.hasOpenssl(), "openssl is not installed (apt-get install openssl); CI has it");
            CitizenJourneys.uzbekEKeyOnline(api, suite.dataDir().resolve("journey-e-key-" + System.nanoTime()));
        }

        @Test
        void j5_meken_card_refused_to_a_bordering_state_granted_to_a_former_citizen_abroad() {
            CitizenJourneys.mekenCard(api, LocalDate.now(ZoneId.of("Europe/Moscow")));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OneInstanceEach extends Today {
        @Override
        int instances() {
            return 1;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TwoInstancesEach extends Today {
        @Override
        int instances() {
            return 2;
        }

        /**
         * 200 people at once, half through each instance, for the last places of one slot: exactly the
         * capacity is booked, everyone else gets 409, and the database agrees.
         */
        @Test
        void no_slot_is_overbooked_by_two_instances() throws Exception {
            String office = "kg-bishkek-1";
            List<Map<String, Object>> free = api.as(Suite.Service.APPOINTMENTS, null)
                    .queryParam("service", "kg.passport.id-card").get("/v1/offices/" + office + "/slots")
                    .jsonPath().getList("days.slots.flatten().findAll { it.remaining > 0 }");
            Map<String, Object> slot = free.get(free.size() - 1);
            String startsAt = (String) slot.get("startsAt");
            int remaining = ((Number) slot.get("remaining")).intValue();
            int callers = 200;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch go = new CountDownLatch(1);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger shed = new AtomicInteger();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String token = api.token("citizen", CitizenJourneys.personalNumber('2'), Map.of());
                String url = suite.url(Suite.Service.APPOINTMENTS, 1 + i % 2);
                calls.add(pool.submit(() -> {
                    go.await();
                    // As every caller must, a request shed with 429 (the default ceiling is 2 per processor) is sent
                    // again after its Retry-After; only the final answer counts.
                    Response r = null;
                    int attempts = 0;
                    do {
                        if (attempts++ > 0) {
                            shed.incrementAndGet();
                            Thread.sleep(1000L * Long.parseLong(java.util.Objects.requireNonNullElse(
                                    r.getHeader("Retry-After"), "1")));
                        }
                        r = io.restassured.RestAssured.given().baseUri(url).contentType("application/json")
                                .header("Authorization", "Bearer " + token)
                                .body("{\"officeId\": \"%s\", \"serviceCode\": \"kg.passport.id-card\", \"startsAt\": \"%s\"}"
                                        .formatted(office, startsAt)).post("/v1/bookings");
                    } while (r.statusCode() == 429 && attempts < 30);
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> c : calls) {
                c.get();
            }
            pool.shutdown();
            System.out.println("two instances, " + callers + " bookings for " + remaining + " free places: " + statuses
                    + " (final answers; " + shed.get() + " × 429 retried after Retry-After)");
            assertEquals(remaining, statuses.getOrDefault(201, new AtomicInteger()).get(), statuses.toString());
            assertEquals(callers - remaining, statuses.getOrDefault(409, new AtomicInteger()).get(), statuses.toString());
            try (var c = suite.postgres().connect("kerege"); var s = c.createStatement(); var rs = s.executeQuery(
                    "select count(*) from appointments.slot_capacity where taken > capacity")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no slot anywhere holds more bookings than places");
            }
            assertTrue(remaining > 0);
        }
    }

    abstract static class KazakhStandardInForce {
        Suite suite;

        abstract int instances();

        @BeforeAll
        void start() {
            suite = CitizenJourneysTest.start("journeys-2013-" + instances(), instances(),
                    Duration.between(Instant.now(), KAZAKH_STANDARD_IN_FORCE),
                    Suite.Service.REQUIREMENTS, Suite.Service.APPOINTMENTS, Suite.Service.STATUS);
        }

        @AfterAll
        void stop() {
            if (suite != null) {
                suite.close();
            }
        }

        @Test
        void j3_kazakh_refugee_petition_walk_in_deferral_grant_and_certificate() {
            CitizenJourneys.kazakhRefugeePetition(new SuiteApi(suite), LocalDate.of(2013, 6, 7));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class KazakhStandardInForceOneInstanceEach extends KazakhStandardInForce {
        @Override
        int instances() {
            return 1;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class KazakhStandardInForceTwoInstancesEach extends KazakhStandardInForce {
        @Override
        int instances() {
            return 2;
        }
    }
}
