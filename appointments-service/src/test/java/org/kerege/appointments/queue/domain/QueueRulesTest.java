package org.kerege.appointments.queue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");   // 11:00 in Ulaanbaatar

    static QueuedTicket walkIn(String id, String service, boolean priority, String issued) {
        return new QueuedTicket(id, service, TicketKind.WALK_IN, priority, null, Instant.parse(issued));
    }

    static QueuedTicket booked(String id, String service, String due, String issued) {
        return new QueuedTicket(id, service, TicketKind.BOOKED, false, Instant.parse(due), Instant.parse(issued));
    }

    static final String NEW = "mn.passport.new";
    static final String EXT = "mn.passport.extension";

    final QueuedTicket a1 = walkIn("a1", NEW, false, "2026-11-23T01:00:00Z");
    final QueuedTicket p1 = walkIn("p1", NEW, true, "2026-11-23T01:30:00Z");
    final QueuedTicket a2 = walkIn("a2", NEW, false, "2026-11-23T01:10:00Z");
    final QueuedTicket bDue = booked("b1", NEW, "2026-11-23T03:00:00Z", "2026-11-23T02:50:00Z");
    final QueuedTicket bLater = booked("b2", NEW, "2026-11-23T04:00:00Z", "2026-11-23T00:50:00Z");
    final QueuedTicket ext = walkIn("e1", EXT, false, "2026-11-23T00:00:00Z");

    @Nested
    class Call_next {

        @Test
        void a_booked_visitor_whose_time_has_come_goes_first() {
            assertEquals("b1", QueueOrder.next(List.of(a1, p1, a2, bDue), List.of(NEW), true, NOW).orElseThrow().id());
            assertEquals("b1", QueueOrder.next(List.of(a1, p1, a2, bDue), List.of(NEW), false, NOW).orElseThrow().id());
        }

        @Test
        void window_11_takes_the_priority_groups_before_earlier_walk_ins() {
            assertEquals("p1", QueueOrder.next(List.of(a1, p1, a2), List.of(NEW, EXT), true, NOW).orElseThrow().id());
        }

        @Test
        void an_ordinary_window_serves_first_come_first_served() {
            assertEquals("a1", QueueOrder.next(List.of(p1, a2, a1), List.of(NEW), false, NOW).orElseThrow().id());
        }

        @Test
        void a_booked_visitor_not_yet_due_waits_in_arrival_order() {
            // b2 checked in at 00:50, earliest of all, but its appointment is at 04:00: first come, first served
            assertEquals("b2", QueueOrder.next(List.of(a1, bLater), List.of(NEW), false, NOW).orElseThrow().id());
            assertEquals("b1", QueueOrder.next(List.of(a1, bLater, bDue), List.of(NEW), false, NOW).orElseThrow().id());
        }

        @Test
        void a_counter_only_calls_services_it_takes() {
            assertEquals("a1", QueueOrder.next(List.of(ext, a1), List.of(NEW), false, NOW).orElseThrow().id());
            assertEquals("e1", QueueOrder.next(List.of(ext, a1), List.of(EXT), false, NOW).orElseThrow().id());
            assertTrue(QueueOrder.next(List.of(a1), List.of(EXT), false, NOW).isEmpty());
        }

        @Test
        void two_due_bookings_go_in_order_of_their_appointments() {
            QueuedTicket early = booked("x", NEW, "2026-11-23T02:40:00Z", "2026-11-23T02:55:00Z");
            assertEquals(List.of("x", "b1", "b2", "a1", "a2", "p1"),
                    QueueOrder.ordered(List.of(a1, p1, a2, bDue, bLater, early), NOW).stream().map(QueuedTicket::id).toList());
        }
    }

    @Nested
    class Waiting_times {

        @Test
        void the_estimate_shares_the_clients_ahead_among_the_counters() {
            assertEquals(0, WaitEstimate.minutes(0, 30, 1));
            assertEquals(90, WaitEstimate.minutes(3, 30, 1));
            assertEquals(45, WaitEstimate.minutes(3, 30, 2));
            assertEquals(7, WaitEstimate.minutes(1, 20, 3));    // 6.67 rounds up
        }

        @Test
        void the_target_is_thirty_minutes_per_client_ahead_with_a_floor_of_one_client() {
            assertEquals(Duration.ofMinutes(30), WaitStats.target(0, 30));
            assertEquals(Duration.ofMinutes(90), WaitStats.target(3, 30));
        }

        @Test
        void a_day_counts_waits_within_target() {
            WaitStats s = WaitStats.of(List.of(
                    new WaitStats.Sample(Duration.ofMinutes(10), 0),    // within 30
                    new WaitStats.Sample(Duration.ofMinutes(40), 0),    // over 30
                    new WaitStats.Sample(Duration.ofMinutes(50), 2),    // within 60
                    new WaitStats.Sample(null, 5)), 30);                // never called
            assertEquals(4, s.issued());
            assertEquals(3, s.called());
            assertEquals(2, s.withinTarget());
            assertEquals(66.7, s.withinTargetPercent());
            assertEquals(33.3, s.averageWaitMinutes());
            assertEquals(50.0, s.p90WaitMinutes());
            assertEquals(50.0, s.maxWaitMinutes());
        }

        @Test
        void a_day_with_no_calls_is_on_target() {
            assertEquals(100.0, WaitStats.of(List.of(), 30).withinTargetPercent());
        }
    }

    @Test
    void ticket_numbers_say_their_kind() {
        assertEquals("A-001", Ticket.number(Ticket.prefix(TicketKind.WALK_IN, false), 1));
        assertEquals("P-012", Ticket.number(Ticket.prefix(TicketKind.WALK_IN, true), 12));
        assertEquals("B-117", Ticket.number(Ticket.prefix(TicketKind.BOOKED, false), 117));
    }
}
