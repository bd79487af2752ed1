package org.kerege.appointments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kerege.appointments.api.Fixtures.as;
import static org.kerege.appointments.api.Fixtures.book;
import static org.kerege.appointments.api.Fixtures.citizen;
import static org.kerege.appointments.api.Fixtures.count;
import static org.kerege.appointments.api.Fixtures.firstFreeSlot;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 200 people try at the same moment to book the last free place of a slot over real HTTP: exactly one
 * gets it, everyone else is told 409 slot-full, and the database holds exactly the capacity. The place
 * is guarded by the database (a conditional UPDATE of the slot's capacity row), so the same holds with
 * two instances on one database (deploy/journeys runs that variant).
 */
@QuarkusTest
class LastPlaceContentionTest {

    static final int CONTENDERS = 200;

    @TestHTTPResource("/v1/bookings")
    URL bookings;

    @Test
    void two_hundred_concurrent_bookings_of_the_last_place_confirm_exactly_the_capacity() throws Exception {
        String office = Fixtures.office("race", """
                {"code": "1", "priority": false, "services": ["test.race"]},
                {"code": "2", "priority": false, "services": ["test.race"]}""",
                "{\"serviceCode\": \"test.race\", \"bookingPolicy\": \"BOOKING_ONLY\", \"slotMinutes\": 20}");
        String start = firstFreeSlot(office, "test.race");
        String early = citizen();
        String earlyId = book(early, office, "test.race", start);            // 1 of 2 places gone: one is left
        as("citizen", early).post("/v1/bookings/" + earlyId + "/confirm").then().statusCode(200);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            tokens.add(Fixtures.token("citizen", citizen() + i, Map.of()));
        }
        String body = "{\"officeId\": \"%s\", \"serviceCode\": \"test.race\", \"startsAt\": \"%s\"}".formatted(office, start);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> winners = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (String token : tokens) {
                futures.add(pool.submit(() -> {
                    go.await();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bookings.toString()))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() == 201) {
                        winners.add(token);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, statuses.getOrDefault(201, new AtomicInteger()).get(), statuses.toString());
        assertEquals(CONTENDERS - 1, statuses.getOrDefault(409, new AtomicInteger()).get(), statuses.toString());
        java.time.Instant at = OffsetDateTime.parse(start).toInstant();
        assertEquals(2, count("""
                select count(*) from appointments.booking where office_id = ? and starts_at = ?
                and status in ('HELD', 'CONFIRMED')""", office, java.sql.Timestamp.from(at)));
        assertEquals(2, count("select taken from appointments.slot_capacity where office_id = ? and starts_at = ?",
                office, java.sql.Timestamp.from(at)));
        assertEquals(2, count("select capacity from appointments.slot_capacity where office_id = ? and starts_at = ?",
                office, java.sql.Timestamp.from(at)));

        // the winner confirms: exactly the capacity is confirmed
        List<String> held = new ArrayList<>();
        try (var c = org.kerege.devstack.KeregeTestResource.postgres().connect("kerege");
             var ps = c.prepareStatement("select id, person_id from appointments.booking where office_id = ? and status = 'HELD'")) {
            ps.setString(1, office);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        assertEquals(1, held.size());
        String[] h = held.get(0).split(" ");
        as("citizen", h[1]).post("/v1/bookings/" + h[0] + "/confirm").then().statusCode(200);
        assertEquals(2, count("select count(*) from appointments.booking where office_id = ? and status = 'CONFIRMED'", office));
    }
}
