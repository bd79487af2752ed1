package org.kerege.requirements;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
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
 * Platform's admission control in a real service: with room for 2 requests, a burst is partly refused
 * with 429 + Retry-After + a problem body, nothing fails with 5xx, health still answers, and the
 * service serves normally once the burst is over.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.TwoAtATime.class)
class LoadSheddingTest {

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kerege.http.shedding.max-in-flight", "2",
                    "kerege.http.shedding.priority-max-in-flight", "2",
                    "kerege.requirements.checklist-cache-bytes", "0");
        }
    }

    @Test
    void a_burst_beyond_capacity_is_shed_with_429_and_the_service_recovers() throws Exception {
        int callers = 48;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < 10; n++) {
                    Response r = given().contentType("application/json").body("{\"age\": 70, \"extensionYears\": 3}")
                            .post("/v1/services/mn.passport.extension/checklist");
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() == 429) {
                        assertEquals("1", r.header("Retry-After"));
                        assertTrue(r.contentType().startsWith("application/problem+json"));
                        assertTrue(r.asString().contains("urn:kerege:problem:overloaded"));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        assertTrue(statuses.containsKey(429), "some requests were shed: " + statuses);
        assertTrue(statuses.containsKey(200), "some were served: " + statuses);
        assertEquals(Map.of(200, 0, 429, 0).keySet(), statuses.keySet(), "only 200 and 429: " + statuses);
        given().get("/q/health/ready").then().statusCode(200);
        given().contentType("application/json").body("{\"age\": 70, \"extensionYears\": 3}")
                .post("/v1/services/mn.passport.extension/checklist").then().statusCode(200);
    }
}
