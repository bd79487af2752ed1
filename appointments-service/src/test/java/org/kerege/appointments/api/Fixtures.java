package org.kerege.appointments.api;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kerege.devstack.KeregeTestResource;

/** Offices, tokens and database look-ups shared by the API tests. */
final class Fixtures {

    private Fixtures() {
    }

    static String token(String role, String subject, Map<String, Object> claims) {
        return KeregeTestResource.token(role, subject, claims);
    }

    static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", "Bearer " + token(role, subject, Map.of()));
    }

    static RequestSpecification officer(String office) {
        return given().header("Authorization", "Bearer " + token("officer", "officer-" + office, Map.of("office", office)));
    }

    static RequestSpecification admin() {
        return as("admin", "admin-1");
    }

    static String citizen() {
        return "2" + String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000_000L));
    }

    /**
     * Creates an office open every day 00:00-23:50 in Asia/Bishkek (Kyrgyz holidays close it), whose
     * counters take the given services; service settings as JSON objects.
     */
    static String office(String prefix, String counters, String services) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            if (hours.length() > 0) {
                hours.append(", ");
            }
            hours.append("{\"day\": \"").append(day).append("\", \"opens\": \"00:00\", \"closes\": \"23:50\", \"breaks\": []}");
        }
        admin().contentType("application/json").body("""
                {"nameEn": "Test centre %s", "kind": "POPULATION_SERVICE_CENTRE", "country": "KG", "zone": "Asia/Bishkek",
                 "address": "Bishkek", "hours": [%s], "counters": [%s], "services": [%s], "legalSource": "test fixture"}"""
                .formatted(id, hours, counters, services))
                .put("/v1/offices/" + id).then().statusCode(201);
        return id;
    }

    /** The first slot of the listing with a free place (scanning a week ahead): its startsAt. */
    static String firstFreeSlot(String office, String service) {
        return freeSlots(office, service).get(0);
    }

    /** Starts of the slots with a free place that begin more than an hour from now, in order. */
    static List<String> freeSlots(String office, String service) {
        JsonPath listing = given().queryParam("service", service).get("/v1/offices/" + office + "/slots")
                .then().statusCode(200).extract().jsonPath();
        List<String> free = new java.util.ArrayList<>();
        for (Map<String, Object> s : listing.<Map<String, Object>>getList("days.slots.flatten()")) {
            boolean soon = java.time.OffsetDateTime.parse((String) s.get("startsAt")).toInstant()
                    .isBefore(java.time.Instant.now().plusSeconds(3600));
            if (((Number) s.get("remaining")).intValue() > 0 && !soon) {
                free.add((String) s.get("startsAt"));
            }
        }
        if (free.isEmpty()) {
            throw new AssertionError("no free slot at " + office);
        }
        return free;
    }

    /** The slot's listing entry (remaining places) for a start, or null. */
    static Map<String, Object> slot(String office, String service, String startsAt) {
        JsonPath listing = given().queryParam("service", service).get("/v1/offices/" + office + "/slots")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> s : listing.<Map<String, Object>>getList("days.slots.flatten()")) {
            if (startsAt.equals(s.get("startsAt"))) {
                return s;
            }
        }
        return null;
    }

    static String book(String person, String office, String service, String startsAt) {
        return as("citizen", person).contentType("application/json")
                .body("{\"officeId\": \"%s\", \"serviceCode\": \"%s\", \"startsAt\": \"%s\"}".formatted(office, service, startsAt))
                .post("/v1/bookings").then().statusCode(201).extract().path("id");
    }

    static long count(String sql, Object... args) {
        try (Connection c = KeregeTestResource.postgres().connect("kerege"); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long events(String type, String aggregateId) {
        return count("select count(*) from appointments.outbox_event where event_type = ? and aggregate_id = ?",
                "org.kerege.appointments." + type + ".v1", aggregateId);
    }
}
