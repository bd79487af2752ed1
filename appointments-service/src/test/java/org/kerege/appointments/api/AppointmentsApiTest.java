package org.kerege.appointments.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.appointments.api.Fixtures.admin;
import static org.kerege.appointments.api.Fixtures.as;
import static org.kerege.appointments.api.Fixtures.book;
import static org.kerege.appointments.api.Fixtures.citizen;
import static org.kerege.appointments.api.Fixtures.count;
import static org.kerege.appointments.api.Fixtures.events;
import static org.kerege.appointments.api.Fixtures.firstFreeSlot;
import static org.kerege.appointments.api.Fixtures.freeSlots;
import static org.kerege.appointments.api.Fixtures.officer;
import static org.kerege.appointments.api.Fixtures.slot;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.appointments.booking.messaging.BookingJobs;

@QuarkusTest
class AppointmentsApiTest {

    static final String COUNTERS = """
            {"code": "1", "location": "Hall 1", "priority": false, "services": ["test.visa", "test.walkin", "test.quota", "test.bookonly"]},
            {"code": "2", "location": "Hall 1", "priority": false, "services": ["test.visa", "test.walkin"]},
            {"code": "3", "location": "Hall 1 (elderly, disabled, pregnant)", "priority": true, "services": ["test.visa", "test.walkin"]}""";
    static final String SERVICES = """
            {"serviceCode": "test.visa", "bookingPolicy": "ONLINE_AND_WALK_IN", "walkInSharePercent": 0, "slotMinutes": 20},
            {"serviceCode": "test.walkin", "bookingPolicy": "WALK_IN_ONLY", "walkInSharePercent": 100, "slotMinutes": 30},
            {"serviceCode": "test.quota", "bookingPolicy": "BOOKING_ONLY", "slotMinutes": 20, "quotaMaxBookings": 1, "quotaWindowDays": 10},
            {"serviceCode": "test.bookonly", "bookingPolicy": "BOOKING_ONLY", "slotMinutes": 20}""";

    @Inject
    BookingJobs jobs;

    static String body(String office, String service, String startsAt) {
        return "{\"officeId\": \"%s\", \"serviceCode\": \"%s\", \"startsAt\": \"%s\"}".formatted(office, service, startsAt);
    }

    @Nested
    class Offices {

        @Test
        void the_seeded_offices_are_listed_with_their_zones() {
            given().get("/v1/offices").then().statusCode(200)
                    .body("id", hasItems("kz-mp-astana", "kz-mp-almaty", "kz-mp-kostanay", "kz-mp-west", "mn-ub-passport",
                            "kg-bishkek-1", "kg-consulate-moscow", "uz-tashkent-psc"))
                    .body("find { it.id == 'kz-mp-kostanay' }.zone", equalTo("Asia/Qostanay"))
                    .body("find { it.id == 'kz-mp-west' }.zone", equalTo("Asia/Oral"))
                    .body("find { it.id == 'kz-mp-aktobe' }.zone", equalTo("Asia/Aqtobe"))
                    .body("find { it.id == 'kg-consulate-moscow' }.zone", equalTo("Europe/Moscow"))
                    .body("findAll { it.country == 'KZ' }.size()", equalTo(16));
        }

        @Test
        void the_mongolian_passport_office_has_window_11_for_priority_groups() {
            given().get("/v1/offices/mn-ub-passport").then().statusCode(200)
                    .body("zone", equalTo("Asia/Ulaanbaatar"))
                    .body("counters.find { it.code == '11' }.priority", equalTo(true))
                    .body("counters.find { it.code == '11' }.location", equalTo("Building 1, floor 2, hall B (elderly, disabled, pregnant)"))
                    .body("counters.find { it.code == '1' }.priority", equalTo(false))
                    .body("hours[0].opens", equalTo("09:00"));
        }

        @Test
        void a_kazakh_unit_keeps_the_standards_hours_and_lunch() {
            given().get("/v1/offices/kz-mp-almaty").then().statusCode(200)
                    .body("address", equalTo("Алматы қаласы, Қарасай батыр көшесі, 109а"))
                    .body("hours.size()", equalTo(5))
                    .body("hours[0].opens", equalTo("09:00")).body("hours[0].closes", equalTo("18:30"))
                    .body("hours[0].breaks[0].from", equalTo("13:00")).body("hours[0].breaks[0].to", equalTo("14:30"))
                    .body("legalSource", org.hamcrest.Matchers.containsString("annex 1"));
        }

        @Test
        void an_unknown_office_is_a_404_problem() {
            given().get("/v1/offices/kz-mp-nowhere").then().statusCode(404)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }

        @Test
        void only_an_admin_may_change_offices_and_bad_hours_are_refused() {
            String office = Fixtures.office("adm", COUNTERS, SERVICES);
            as("citizen", citizen()).contentType("application/json").body("{}").put("/v1/offices/" + office)
                    .then().statusCode(403);
            admin().contentType("application/json").body("""
                    {"nameEn": "x", "kind": "OTHER", "country": "KG", "zone": "Asia/Nowhere", "hours": [], "legalSource": "t"}""")
                    .put("/v1/offices/" + office).then().statusCode(400).body("errors.zone", notNullValue());
            admin().contentType("application/json").body("""
                    {"nameEn": "x", "kind": "OTHER", "country": "KG", "zone": "Asia/Bishkek", "legalSource": "t",
                     "hours": [{"day": "MONDAY", "opens": "09:00", "closes": "18:00", "breaks": [{"from": "17:00", "to": "19:00"}]}]}""")
                    .put("/v1/offices/" + office).then().statusCode(400);
            admin().contentType("application/json").body("""
                    {"location": "Hall 2", "priority": true, "services": ["test.visa"]}""")
                    .put("/v1/offices/" + office + "/counters/4").then().statusCode(200).body("priority", equalTo(true));
            given().get("/v1/offices/" + office).then().body("counters.code", hasItems("1", "2", "3", "4"));
        }

        @Test
        void a_closure_takes_the_days_slots_away() {
            String office = Fixtures.office("clo", COUNTERS, SERVICES);
            String start = firstFreeSlot(office, "test.visa");
            String date = start.substring(0, 10);
            admin().contentType("application/json").body("{\"from\": \"%s\", \"to\": \"%s\", \"reason\": \"Renovation\"}"
                    .formatted(date, date)).post("/v1/offices/" + office + "/closures").then().statusCode(201);
            given().queryParam("service", "test.visa").queryParam("from", date).queryParam("to", date)
                    .get("/v1/offices/" + office + "/slots").then().statusCode(200)
                    .body("days[0].closedReason", equalTo("Closed: Renovation")).body("days[0].slots.size()", equalTo(0));
        }
    }

    @Nested
    class Slots {

        @Test
        void bishkek_slots_avoid_lunch_carry_utc_plus_6_and_keep_a_quarter_for_walk_ins() {
            Response r = given().queryParam("service", "kg.passport.id-card").get("/v1/offices/kg-bishkek-1/slots");
            r.then().statusCode(200).body("zone", equalTo("Asia/Bishkek")).body("slotMinutes", equalTo(20))
                    .body("counters", equalTo(5)).body("walkInSharePercent", equalTo(25));
            List<Map<String, Object>> slots = r.jsonPath().getList("days.slots.flatten()");
            assertTrue(!slots.isEmpty());
            for (Map<String, Object> s : slots) {
                OffsetDateTime start = OffsetDateTime.parse((String) s.get("startsAt"));
                assertEquals("+06:00", start.getOffset().getId());
                int minutes = start.getHour() * 60 + start.getMinute();
                assertTrue(minutes >= 9 * 60 && minutes + 20 <= 18 * 60, s.toString());
                assertTrue(minutes + 20 <= 12 * 60 || minutes >= 13 * 60, "inside lunch: " + s);
                assertEquals(3, s.get("capacity"));   // 5 counters, 25% for walk-ins, rounded down
            }
        }

        @Test
        void a_walk_in_only_service_refuses_online_booking_with_a_clear_problem() {
            given().queryParam("service", "kz.refugee.grant").get("/v1/offices/kz-mp-almaty/slots").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:online-booking-not-offered"));
        }

        @Test
        void the_service_is_required_and_the_range_bounded() {
            given().get("/v1/offices/kg-bishkek-1/slots").then().statusCode(400);
            given().queryParam("service", "kg.passport.id-card").queryParam("from", "2026-12-10").queryParam("to", "2026-12-01")
                    .get("/v1/offices/kg-bishkek-1/slots").then().statusCode(400);
            given().queryParam("service", "nope.nothing").get("/v1/offices/kg-bishkek-1/slots").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:service-not-offered"));
        }
    }

    @Nested
    class Booking {

        String office;

        @org.junit.jupiter.api.BeforeEach
        void newOffice() {
            office = Fixtures.office("bk", COUNTERS, SERVICES);
        }

        @Test
        void hold_then_confirm_announces_the_appointment() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            Map<String, Object> before = slot(office, "test.visa", start);
            String id = as("citizen", person).contentType("application/json").body(body(office, "test.visa", start))
                    .post("/v1/bookings").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/v1/bookings/")).body("status", equalTo("HELD"))
                    .body("startsAt", equalTo(start)).body("shortCode", matchesPattern("[2-9A-HJKMNP-Z]{8}"))
                    .body("holdExpiresAt", endsWith("+06:00"))
                    .extract().path("id");
            assertEquals(((Number) before.get("remaining")).intValue() - 1,
                    ((Number) slot(office, "test.visa", start).get("remaining")).intValue());
            assertEquals(0, events("appointment-booked", id));
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
            assertEquals(1, events("appointment-booked", id));
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:booking-not-allowed"));
            as("citizen", citizen()).get("/v1/bookings/" + id).then().statusCode(404);
            as("citizen", person).get("/v1/bookings/" + id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        }

        @Test
        void the_same_idempotency_key_and_body_replay_the_response_byte_for_byte() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            String key = UUID.randomUUID().toString();
            Response first = as("citizen", person).header("Idempotency-Key", key).contentType("application/json")
                    .body(body(office, "test.visa", start)).post("/v1/bookings");
            first.then().statusCode(201);
            Response again = as("citizen", person).header("Idempotency-Key", key).contentType("application/json")
                    .body(body(office, "test.visa", start)).post("/v1/bookings");
            again.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertEquals(first.asString(), again.asString());
            assertEquals(1, count("select count(*) from appointments.booking where person_id = ?", person));
            String other = freeSlots(office, "test.visa").get(1);
            as("citizen", person).header("Idempotency-Key", key).contentType("application/json")
                    .body(body(office, "test.visa", other)).post("/v1/bookings").then().statusCode(409)
                    .body("type", equalTo("urn:kerege:problem:idempotency-key-reused"));
        }

        @Test
        void one_active_booking_per_person_and_service() {
            String person = citizen();
            List<String> free = freeSlots(office, "test.visa");
            book(person, office, "test.visa", free.get(0));
            as("citizen", person).contentType("application/json").body(body(office, "test.visa", free.get(1)))
                    .post("/v1/bookings").then().statusCode(409).body("type", equalTo("urn:kerege:problem:active-booking-exists"));
        }

        @Test
        void cancelling_puts_the_place_back_on_sale_at_once() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            int before = ((Number) slot(office, "test.visa", start).get("remaining")).intValue();
            String id = book(person, office, "test.visa", start);
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(200);
            as("citizen", person).post("/v1/bookings/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            assertEquals(before, ((Number) slot(office, "test.visa", start).get("remaining")).intValue());
            assertEquals(1, events("appointment-cancelled", id));
            // and the person may book again
            book(person, office, "test.visa", start);
        }

        @Test
        void rescheduling_moves_the_place() {
            String person = citizen();
            List<String> free = freeSlots(office, "test.visa");
            String from = free.get(0);
            String to = free.get(3);
            int fromBefore = ((Number) slot(office, "test.visa", from).get("remaining")).intValue();
            int toBefore = ((Number) slot(office, "test.visa", to).get("remaining")).intValue();
            String id = book(person, office, "test.visa", from);
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(200);
            as("citizen", person).contentType("application/json").body("{\"startsAt\": \"" + to + "\"}")
                    .post("/v1/bookings/" + id + "/reschedule").then().statusCode(200).body("startsAt", equalTo(to));
            assertEquals(fromBefore, ((Number) slot(office, "test.visa", from).get("remaining")).intValue());
            assertEquals(toBefore - 1, ((Number) slot(office, "test.visa", to).get("remaining")).intValue());
            assertEquals(2, events("appointment-booked", id));
        }

        @Test
        void the_quota_allows_one_booking_per_ten_days_even_after_a_cancellation() {
            String person = citizen();
            List<String> free = freeSlots(office, "test.quota");
            String id = book(person, office, "test.quota", free.get(0));
            as("citizen", person).post("/v1/bookings/" + id + "/cancel").then().statusCode(200);
            as("citizen", person).contentType("application/json").body(body(office, "test.quota", free.get(1)))
                    .post("/v1/bookings").then().statusCode(422).body("type", equalTo("urn:kerege:problem:booking-quota-exceeded"));
        }

        @Test
        void walk_in_only_refuses_booking_and_booking_only_refuses_walk_ins() {
            String anySlot = firstFreeSlot(office, "test.visa");
            as("citizen", citizen()).contentType("application/json").body(body(office, "test.walkin", anySlot))
                    .post("/v1/bookings").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:online-booking-not-offered"));
            as("service", "kiosk").contentType("application/json").body("{\"serviceCode\": \"test.bookonly\"}")
                    .post("/v1/offices/" + office + "/tickets").then().statusCode(422)
                    .body("type", equalTo("urn:kerege:problem:walk-in-not-offered"));
        }

        @Test
        void an_off_grid_or_past_time_is_not_a_slot() {
            String start = firstFreeSlot(office, "test.visa");
            String offGrid = OffsetDateTime.parse(start).plusMinutes(7).toString();
            as("citizen", citizen()).contentType("application/json").body(body(office, "test.visa", offGrid))
                    .post("/v1/bookings").then().statusCode(422).body("type", equalTo("urn:kerege:problem:not-a-slot"));
            as("citizen", citizen()).contentType("application/json")
                    .body(body(office, "test.visa", "2020-01-06T10:00:00+06:00"))
                    .post("/v1/bookings").then().statusCode(422).body("type", equalTo("urn:kerege:problem:slot-in-the-past"));
        }

        @Test
        void staff_book_on_behalf_naming_the_person_and_officers_only_at_their_office() {
            String start = firstFreeSlot(office, "test.visa");
            String person = citizen();
            as("partner", "consulate-ny").contentType("application/json")
                    .body("{\"officeId\": \"%s\", \"serviceCode\": \"test.visa\", \"startsAt\": \"%s\", \"personId\": \"%s\"}"
                            .formatted(office, start, person)).post("/v1/bookings").then().statusCode(201);
            as("partner", "consulate-ny").contentType("application/json").body(body(office, "test.visa", start))
                    .post("/v1/bookings").then().statusCode(400).body("errors.personId", notNullValue());
            officer("kg-bishkek-1").contentType("application/json")
                    .body("{\"officeId\": \"%s\", \"serviceCode\": \"test.visa\", \"startsAt\": \"%s\", \"personId\": \"%s\"}"
                            .formatted(office, start, citizen())).post("/v1/bookings").then().statusCode(403);
        }

        @Test
        void a_bot_hammering_the_booking_endpoint_is_slowed_down() {
            String person = citizen();
            String offGrid = OffsetDateTime.parse(firstFreeSlot(office, "test.visa")).plusMinutes(7).toString();
            boolean limited = false;
            for (int i = 0; i < 25 && !limited; i++) {
                int status = as("citizen", person).contentType("application/json").body(body(office, "test.visa", offGrid))
                        .post("/v1/bookings").statusCode();
                limited = status == 429;
            }
            assertTrue(limited, "never rate limited");
        }

        @Test
        void a_hold_that_runs_out_frees_its_place_and_cannot_be_confirmed() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            int before = ((Number) slot(office, "test.visa", start).get("remaining")).intValue();
            String id = book(person, office, "test.visa", start);
            jobs.expireHolds(Instant.now().plusSeconds(6 * 60));
            assertEquals("EXPIRED", as("citizen", person).get("/v1/bookings/" + id).then().extract().path("status"));
            assertEquals(before, ((Number) slot(office, "test.visa", start).get("remaining")).intValue());
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(409);
        }

        @Test
        void a_confirmed_booking_not_checked_in_becomes_a_no_show() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            String id = book(person, office, "test.visa", start);
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(200);
            jobs.markNoShows(OffsetDateTime.parse(start).toInstant().plusSeconds(14 * 60));
            assertEquals("CONFIRMED", as("citizen", person).get("/v1/bookings/" + id).then().extract().path("status"));
            jobs.markNoShows(OffsetDateTime.parse(start).toInstant().plusSeconds(16 * 60));
            assertEquals("NO_SHOW", as("citizen", person).get("/v1/bookings/" + id).then().extract().path("status"));
            assertEquals(1, events("appointment-no-show", id));
        }

        @Test
        void check_in_by_short_code_turns_the_booking_into_a_ticket() {
            String person = citizen();
            String start = firstFreeSlot(office, "test.visa");
            Response held = as("citizen", person).contentType("application/json").body(body(office, "test.visa", start))
                    .post("/v1/bookings");
            String id = held.path("id");
            String code = held.path("shortCode");
            as("citizen", person).post("/v1/bookings/" + id + "/confirm").then().statusCode(200);
            officer("kg-bishkek-1").contentType("application/json").body("{}")
                    .post("/v1/bookings/" + code + "/check-in").then().statusCode(403);
            String ticket = officer(office).contentType("application/json").body("{}")
                    .post("/v1/bookings/" + code.toLowerCase() + "/check-in").then().statusCode(200)
                    .body("kind", equalTo("BOOKED")).body("number", matchesPattern("B-\\d{3}"))
                    .body("bookingId", equalTo(id)).extract().path("id");
            assertEquals(ticket, as("citizen", person).get("/v1/bookings/" + id).then().body("status", equalTo("CHECKED_IN"))
                    .extract().path("ticketId"));
            assertEquals(1, events("appointment-checked-in", id));
            assertEquals(1, events("ticket-issued", ticket));
            officer(office).contentType("application/json").body("{}")
                    .post("/v1/bookings/" + code + "/check-in").then().statusCode(409);
        }
    }

    @Nested
    class Queue {

        String office;

        @org.junit.jupiter.api.BeforeEach
        void newOffice() {
            office = Fixtures.office("q", COUNTERS, SERVICES);
        }

        String ticket(String service, boolean priority) {
            return as("service", "kiosk-" + office).contentType("application/json")
                    .body("{\"serviceCode\": \"%s\", \"priority\": %s}".formatted(service, priority))
                    .post("/v1/offices/" + office + "/tickets").then().statusCode(201).extract().path("number");
        }

        @Test
        void numbers_run_per_office_and_day_and_counters_call_in_the_rules_order() {
            assertEquals("A-001", ticket("test.walkin", false));
            assertEquals("A-002", ticket("test.visa", false));
            assertEquals("P-001", ticket("test.walkin", true));
            given().get("/v1/offices/" + office + "/queue").then().statusCode(200)
                    .body("waiting.number", equalTo(List.of("A-001", "A-002", "P-001")))
                    .body("waiting.position", equalTo(List.of(1, 2, 3)))
                    .body("waiting[0].estimatedWaitMinutes", equalTo(0))
                    .body("waiting[2].estimatedWaitMinutes", equalTo(10));   // 1 ahead × 30 min ÷ 3 counters

            // window 3 is a priority window: P-001 first
            officer(office).post("/v1/offices/" + office + "/counters/3/call-next").then().statusCode(200)
                    .body("number", equalTo("P-001")).body("counter", equalTo("3")).body("status", equalTo("CALLED"));
            // window 2, ordinary: first come first served
            String a1 = officer(office).post("/v1/offices/" + office + "/counters/2/call-next").then().statusCode(200)
                    .body("number", equalTo("A-001")).extract().path("id");
            officer(office).post("/v1/offices/" + office + "/counters/2/recall").then().statusCode(200).body("recalls", equalTo(1));
            officer(office).post("/v1/tickets/" + a1 + "/served").then().statusCode(200).body("status", equalTo("SERVED"));
            assertEquals(1, events("ticket-served", a1));
            assertEquals(2, events("ticket-called", a1));
            officer(office).post("/v1/tickets/" + a1 + "/served").then().statusCode(409);
            String a2 = officer(office).post("/v1/offices/" + office + "/counters/1/call-next").then().statusCode(200)
                    .body("number", equalTo("A-002")).extract().path("id");
            officer(office).post("/v1/tickets/" + a2 + "/no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
            officer(office).post("/v1/offices/" + office + "/counters/1/call-next").then().statusCode(204);
            officer("kg-bishkek-1").post("/v1/offices/" + office + "/counters/1/call-next").then().statusCode(403);

            officer(office).get("/v1/offices/" + office + "/stats").then().statusCode(200)
                    .body("issued", equalTo(3)).body("called", equalTo(3)).body("withinTarget", equalTo(3))
                    .body("targetMaxMinutesPerClient", equalTo(30));
        }

        @Test
        void a_checked_in_booking_not_yet_due_waits_behind_earlier_walk_ins() {
            String person = citizen();
            assertTrue(ticket("test.visa", false).startsWith("A-"));
            String start = firstFreeSlot(office, "test.visa");
            Response held = as("citizen", person).contentType("application/json").body(body(office, "test.visa", start))
                    .post("/v1/bookings");
            as("citizen", person).post("/v1/bookings/" + held.path("id") + "/confirm").then().statusCode(200);
            String number = officer(office).contentType("application/json").body("{}")
                    .post("/v1/bookings/" + held.path("shortCode") + "/check-in").then().statusCode(200).extract().path("number");
            // the booked visitor's time has not come yet (the slot starts in the future): walk-ins first
            String called = officer(office).post("/v1/offices/" + office + "/counters/2/call-next").then().statusCode(200)
                    .extract().path("number");
            assertNotEquals(number, called);
            assertEquals(1L, count("select count(*) from appointments.ticket where office_id = ? and kind = 'BOOKED' and status = 'WAITING'", office));
        }

        @Test
        void a_booked_visitor_whose_time_has_come_is_called_before_earlier_walk_ins() throws Exception {
            assertEquals("A-001", ticket("test.visa", false));
            assertEquals("P-001", ticket("test.visa", true));
            // a booked visitor checked in a minute ago for an appointment that began five minutes ago
            try (var c = org.kerege.devstack.KeregeTestResource.postgres().connect("kerege"); var ps = c.prepareStatement("""
                    insert into appointments.ticket (id, office_id, local_date, number, service_code, kind, priority, status,
                      issued_at, due_at, ahead_at_issue)
                    values (gen_random_uuid(), ?, (now() at time zone 'Asia/Bishkek')::date, 'B-900', 'test.visa', 'BOOKED', false,
                      'WAITING', now() - interval '1 minute', now() - interval '5 minutes', 2)""")) {
                ps.setString(1, office);
                ps.executeUpdate();
            }
            officer(office).post("/v1/offices/" + office + "/counters/3/call-next").then().statusCode(200)
                    .body("number", equalTo("B-900"));
            officer(office).post("/v1/offices/" + office + "/counters/3/call-next").then().statusCode(200)
                    .body("number", equalTo("P-001"));
            officer(office).post("/v1/offices/" + office + "/counters/2/call-next").then().statusCode(200)
                    .body("number", equalTo("A-001"));
        }

        @Test
        void the_same_idempotency_key_issues_one_ticket() {
            String key = UUID.randomUUID().toString();
            String first = as("service", "kiosk").header("Idempotency-Key", key).contentType("application/json")
                    .body("{\"serviceCode\": \"test.walkin\"}").post("/v1/offices/" + office + "/tickets").then().statusCode(201)
                    .extract().asString();
            String again = as("service", "kiosk").header("Idempotency-Key", key).contentType("application/json")
                    .body("{\"serviceCode\": \"test.walkin\"}").post("/v1/offices/" + office + "/tickets").then().statusCode(201)
                    .header("Idempotent-Replayed", "true").extract().asString();
            assertEquals(first, again);
        }
    }
}
