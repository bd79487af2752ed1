package org.kerege.status.application.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerege.platform.calendar.WorkingCalendar;
import org.kerege.status.application.domain.TransitionRefusedException.Reason;
import org.kerege.status.catalog.domain.Term;

/** The shipped transition table, checked edge by edge against the edges written here by hand. */
class WorkflowTableTest {

    static final WorkflowTable TABLE = WorkflowTable.shipped();
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final Function<String, List<TermDef>> NO_CATALOG = name -> List.of();

    /** Every (state, event) the workflow allows, found by trying every state with every event of the table. */
    static Set<String> allowedEdges(Workflow w, Delivery delivery) {
        Set<String> events = new TreeSet<>();
        TABLE.kinds().forEach(k -> k.transitions().forEach(t -> events.add(t.event())));
        Set<String> edges = new TreeSet<>();
        for (StateDef s : w.states()) {
            for (String e : events) {
                try {
                    Transition t = w.authorize(s.name(), e, List.of("officer", "service"), delivery,
                            new Workflow.Input(List.of(w.refusalGrounds().isEmpty() ? "incomplete documents"
                                    : w.refusalGrounds().get(0).code()), TODAY.plusYears(2)), TODAY);
                    edges.add(s.name() + " -" + e + "-> " + t.to());
                } catch (TransitionRefusedException ex) {
                    assertEquals(Reason.ILLEGAL, ex.reason(), s.name() + " " + e + ": " + ex.getMessage());
                }
            }
        }
        return edges;
    }

    static final Set<String> DEFAULT_EDGES = Set.of(
            "SUBMITTED -documents-accepted-> DOCUMENTS_ACCEPTED",
            "SUBMITTED -fee-paid-> FEE_PAID",
            "DOCUMENTS_ACCEPTED -fee-paid-> FEE_PAID",
            "FEE_PAID -review-started-> UNDER_REVIEW",
            "UNDER_REVIEW -granted-> GRANTED",
            "UNDER_REVIEW -refused-> REFUSED",
            "GRANTED -ready-> READY",
            "READY -issued-> ISSUED",
            "SUBMITTED -withdrawn-> WITHDRAWN",
            "DOCUMENTS_ACCEPTED -withdrawn-> WITHDRAWN",
            "FEE_PAID -withdrawn-> WITHDRAWN",
            "UNDER_REVIEW -withdrawn-> WITHDRAWN");

    @Nested
    class The_table_as_a_whole {
        @Test
        void ships_a_default_kind_and_the_special_kinds() {
            assertEquals(List.of("default", "meken-card", "passport", "refugee-petition", "e-key"),
                    TABLE.kinds().stream().map(Workflow::kind).toList());
        }

        @Test
        void maps_services_to_their_kind_and_every_other_code_to_default() {
            assertEquals("refugee-petition", TABLE.forService("kz.refugee.grant").kind());
            assertEquals("refugee-petition", TABLE.forService("kz.refugee.extend").kind());
            assertEquals("meken-card", TABLE.forService("kg.meken-card").kind());
            assertEquals("passport", TABLE.forService("kg.passport.id-card").kind());
            assertEquals("passport", TABLE.forService("mn.passport.new").kind());
            assertEquals("e-key", TABLE.forService("uz.e-key.individual").kind());
            assertEquals("default", TABLE.forService("kg.civil.marriage").kind());
            assertEquals("default", TABLE.forService("kg.return-certificate").kind());
        }

        @Test
        void no_role_but_officer_and_service_takes_any_edge_and_citizens_take_none() {
            for (Workflow w : TABLE.kinds()) {
                for (Transition t : w.transitions()) {
                    assertTrue(Set.of("officer", "service").containsAll(t.roles()), w.kind() + " " + t.event());
                    for (String from : t.from()) {
                        TransitionRefusedException ex = assertThrows(TransitionRefusedException.class,
                                () -> w.authorize(from, t.event(), List.of("citizen"), t.guard() == null
                                        ? Delivery.PICK_UP : t.guard().equals("pick-up") ? Delivery.PICK_UP
                                        : Delivery.HOME_DELIVERY, Workflow.Input.NONE, TODAY));
                        assertEquals(Reason.ROLE_NOT_ALLOWED, ex.reason());
                    }
                }
            }
        }

        @Test
        void fee_paid_is_taken_by_the_payment_event_as_service_with_no_officer_step() {
            for (String kind : List.of("default", "meken-card", "passport", "e-key")) {
                Workflow w = TABLE.kind(kind).orElseThrow();
                assertEquals("FEE_PAID", w.authorize("SUBMITTED", "fee-paid", List.of("service"), Delivery.PICK_UP,
                        Workflow.Input.NONE, TODAY).to());
            }
            assertThrows(TransitionRefusedException.class, () -> TABLE.kind("default").orElseThrow()
                    .authorize("FEE_PAID", "fee-paid", List.of("service"), Delivery.PICK_UP, Workflow.Input.NONE, TODAY));
        }
    }

    @Nested
    class Default_kind {
        final Workflow w = TABLE.kind("default").orElseThrow();

        @Test
        void has_exactly_the_edges_written_here() {
            assertEquals(new TreeSet<>(DEFAULT_EDGES), allowedEdges(w, Delivery.PICK_UP));
            assertEquals(new TreeSet<>(DEFAULT_EDGES), allowedEdges(w, Delivery.HOME_DELIVERY));
        }

        @Test
        void a_refusal_states_reasons() {
            TransitionRefusedException ex = assertThrows(TransitionRefusedException.class, () -> w.authorize(
                    "UNDER_REVIEW", "refused", List.of("officer"), Delivery.PICK_UP, Workflow.Input.NONE, TODAY));
            assertEquals(Reason.INPUT_MISSING, ex.reason());
            assertEquals("reasons", ex.field());
        }

        @Test
        void the_next_step_is_in_the_applicants_language_or_russian_or_english() {
            StateDef s = w.state("DOCUMENTS_ACCEPTED").orElseThrow();
            assertEquals("Оплатите пошлину по коду платежа или QR-коду с квитанции.", s.nextStep("ky"));
            assertEquals("Pay the fee with the payment code or QR code on your payment slip.", s.nextStep("mn"));
            assertEquals("Pay the fee with the payment code or QR code on your payment slip.", s.nextStep("en"));
        }

        @Test
        void terminal_states_are_issued_refused_withdrawn() {
            assertEquals(Set.of("ISSUED", "REFUSED", "WITHDRAWN"), Set.copyOf(w.states().stream()
                    .filter(StateDef::terminal).map(StateDef::name).toList()));
        }
    }

    @Nested
    class Passport_kind_with_delivery {
        final Workflow w = TABLE.kind("passport").orElseThrow();

        @Test
        void pick_up_collects_in_person_and_home_delivery_goes_through_the_courier() {
            Set<String> common = new TreeSet<>(DEFAULT_EDGES);
            common.remove("READY -issued-> ISSUED");
            Set<String> pickUp = new TreeSet<>(common);
            pickUp.add("READY -issued-> ISSUED");
            pickUp.add("OUT_FOR_DELIVERY -delivered-> DELIVERED");
            pickUp.add("OUT_FOR_DELIVERY -delivery-failed-> READY");
            Set<String> home = new TreeSet<>(common);
            home.add("READY -dispatched-> OUT_FOR_DELIVERY");
            home.add("OUT_FOR_DELIVERY -delivered-> DELIVERED");
            home.add("OUT_FOR_DELIVERY -delivery-failed-> READY");
            assertEquals(pickUp, allowedEdges(w, Delivery.PICK_UP));
            assertEquals(home, allowedEdges(w, Delivery.HOME_DELIVERY));
        }

        @Test
        void a_home_delivery_passport_cannot_be_marked_collected_at_the_counter() {
            assertThrows(TransitionRefusedException.class, () -> w.authorize("READY", "issued", List.of("officer"),
                    Delivery.HOME_DELIVERY, Workflow.Input.NONE, TODAY));
        }

        @Test
        void a_new_mongolian_passport_is_valid_5_years_from_delivery() {
            List<ClockChange> c = w.clockChanges("delivered", LocalDate.parse("2026-11-21"),
                    Map.of("service", "mn.passport.new"), Set.of(), NO_CATALOG, WorkingCalendar.of("MN"), Workflow.Input.NONE);
            assertEquals(List.of(new ClockChange("validity", ClockType.VALIDITY, ClockChange.Action.START,
                    LocalDate.parse("2031-11-21"), "5 years (002: a new ordinary passport is valid 5 years)")), c);
        }
    }

    @Nested
    class Refugee_petition_kind {
        final Workflow w = TABLE.kind("refugee-petition").orElseThrow();
        final WorkingCalendar kz = WorkingCalendar.of("KZ");

        @Test
        void has_exactly_the_edges_of_003() {
            assertEquals(new TreeSet<>(Set.of(
                    "SUBMITTED -registered-> REGISTERED",
                    "REGISTERED -review-started-> UNDER_REVIEW",
                    "UNDER_REVIEW -deferred-> DEFERRED",
                    "DEFERRED -deferral-notified-> DEFERRAL_NOTIFIED",
                    "UNDER_REVIEW -granted-> GRANTED",
                    "DEFERRAL_NOTIFIED -granted-> GRANTED",
                    "UNDER_REVIEW -refused-> REFUSED",
                    "DEFERRAL_NOTIFIED -refused-> REFUSED",
                    "GRANTED -issued-> ISSUED",
                    "SUBMITTED -withdrawn-> WITHDRAWN",
                    "REGISTERED -withdrawn-> WITHDRAWN",
                    "UNDER_REVIEW -withdrawn-> WITHDRAWN",
                    "DEFERRED -withdrawn-> WITHDRAWN",
                    "DEFERRAL_NOTIFIED -withdrawn-> WITHDRAWN")), allowedEdges(w, Delivery.PICK_UP));
        }

        @Test
        void has_no_fee_state_because_the_service_is_free() {
            assertTrue(w.state("FEE_PAID").isEmpty());
        }

        @Test
        void refuses_only_on_the_nine_grounds_of_003() {
            assertEquals(9, w.refusalGrounds().size());
            TransitionRefusedException ex = assertThrows(TransitionRefusedException.class, () -> w.authorize(
                    "UNDER_REVIEW", "refused", List.of("officer"), Delivery.PICK_UP,
                    new Workflow.Input(List.of("does not like the applicant"), null), TODAY));
            assertEquals(Reason.INPUT_INVALID, ex.reason());
            assertEquals("REFUSED", w.authorize("UNDER_REVIEW", "refused", List.of("officer"), Delivery.PICK_UP,
                    new Workflow.Input(List.of("safe-third-country"), null), TODAY).to());
        }

        @Test
        void a_deferral_gives_a_new_date_at_least_one_year_later() {
            TransitionRefusedException missing = assertThrows(TransitionRefusedException.class, () -> w.authorize(
                    "UNDER_REVIEW", "deferred", List.of("officer"), Delivery.PICK_UP, Workflow.Input.NONE, TODAY));
            assertEquals(Reason.INPUT_MISSING, missing.reason());
            TransitionRefusedException early = assertThrows(TransitionRefusedException.class, () -> w.authorize(
                    "UNDER_REVIEW", "deferred", List.of("officer"), Delivery.PICK_UP,
                    new Workflow.Input(List.of(), LocalDate.parse("2027-11-19")), TODAY));
            assertEquals(Reason.INPUT_INVALID, early.reason());
            assertEquals("DEFERRED", w.authorize("UNDER_REVIEW", "deferred", List.of("officer"), Delivery.PICK_UP,
                    new Workflow.Input(List.of(), LocalDate.parse("2027-11-20")), TODAY).to());
        }

        @Test
        void clocks_follow_the_petition_from_registration_to_hand_over() {
            Map<String, String> facts = Map.of("service", "kz.refugee.grant");
            assertEquals(List.of(new ClockChange("decision", ClockType.DUTY, ClockChange.Action.START,
                            LocalDate.parse("2027-03-01"), "3 months (003: decision within 3 months of the petition's registration)")),
                    w.clockChanges("registered", LocalDate.parse("2026-11-30"), facts, Set.of(), NO_CATALOG, kz,
                            Workflow.Input.NONE));
            // Friday deferral: decision moved to the officer's date, notice due Tuesday.
            assertEquals(List.of(
                            new ClockChange("decision", ClockType.DUTY, ClockChange.Action.RECOMPUTE,
                                    LocalDate.parse("2027-12-01"), "deferred to 2027-12-01"),
                            new ClockChange("deferral-notice", ClockType.DUTY, ClockChange.Action.START,
                                    LocalDate.parse("2026-11-24"), "2 working days (003: told in writing by post within 2 working days of the deferral decision)")),
                    w.clockChanges("deferred", TODAY, facts, Set.of("decision"), NO_CATALOG, kz,
                            new Workflow.Input(List.of(), LocalDate.parse("2027-12-01"))));
            assertEquals(List.of(new ClockChange("deferral-notice", ClockType.DUTY, ClockChange.Action.STOP, null, null)),
                    w.clockChanges("deferral-notified", TODAY, facts, Set.of("decision", "deferral-notice"), NO_CATALOG,
                            kz, Workflow.Input.NONE));
            // Granted on Friday 3 July 2027... use 2026: Fri 3 Jul 2026, Capital Day Mon 6 Jul → Mon 13 Jul.
            assertEquals(List.of(new ClockChange("decision", ClockType.DUTY, ClockChange.Action.STOP, null, null),
                            new ClockChange("hand-over", ClockType.DUTY, ClockChange.Action.START,
                                    LocalDate.parse("2026-07-13"), "5 working days (003: certificate handed over within 5 working days of the decision)")),
                    w.clockChanges("granted", LocalDate.parse("2026-07-03"), facts, Set.of("decision"), NO_CATALOG, kz,
                            Workflow.Input.NONE));
        }
    }

    @Nested
    class Meken_card_kind {
        final Workflow w = TABLE.kind("meken-card").orElseThrow();
        final WorkingCalendar kg = WorkingCalendar.of("KG");

        @Test
        void needs_the_procedure_general_or_simplified() {
            assertEquals(Map.of("procedure", List.of("general", "simplified")), w.requiredFacts());
        }

        @Test
        void general_is_60_days_and_simplified_30_days_without_a_catalog() {
            assertEquals(LocalDate.parse("2027-01-04"), w.clockChanges("documents-accepted", LocalDate.parse("2026-11-02"),
                    Map.of("procedure", "general"), Set.of(), NO_CATALOG, kg, Workflow.Input.NONE).get(0).due());
            assertEquals(LocalDate.parse("2026-12-02"), w.clockChanges("documents-accepted", LocalDate.parse("2026-11-02"),
                    Map.of("procedure", "simplified"), Set.of(), NO_CATALOG, kg, Workflow.Input.NONE).get(0).due());
        }

        @Test
        void the_catalog_term_in_force_wins_over_the_file() {
            Function<String, List<TermDef>> catalog = name -> name.equals("reviewWindow")
                    ? List.of(new TermDef("procedure == simplified", 20, Term.Unit.CALENDAR_DAYS, "catalog"))
                    : List.of();
            ClockChange c = w.clockChanges("documents-accepted", LocalDate.parse("2026-11-02"),
                    Map.of("procedure", "simplified"), Set.of(), catalog, kg, Workflow.Input.NONE).get(0);
            assertEquals(LocalDate.parse("2026-11-23"), c.due());
            assertEquals("20 calendar days (catalog)", c.basis());
        }

        @Test
        void is_valid_10_years_from_hand_over() {
            assertEquals(LocalDate.parse("2036-11-21"), w.clockChanges("issued", LocalDate.parse("2026-11-21"),
                    Map.of("procedure", "general"), Set.of(), NO_CATALOG, kg, Workflow.Input.NONE).get(0).due());
        }
    }

    @Nested
    class Checks_of_a_table {
        static final String STATES = """
                "states": [{"name": "A", "terminal": false, "nextStep": {"en": "a"}},
                           {"name": "B", "terminal": true, "nextStep": {"en": "b"}}%s]""";

        static String table(String extraStates, String transitions) {
            return """
                    {"source": "t", "kinds": [{"kind": "default", "description": "d", "services": [], "initial": "A",
                      "acceptanceEvent": "go", %s, "transitions": [%s], "clocks": []}]}"""
                    .formatted(STATES.formatted(extraStates), transitions);
        }

        @Test
        void accepts_a_minimal_table() {
            WorkflowTable.parse(table("", """
                    {"from": ["A"], "event": "go", "to": "B", "roles": ["officer"]}"""));
        }

        @Test
        void refuses_an_edge_out_of_a_terminal_state() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkflowTable.parse(table("", """
                    {"from": ["A"], "event": "go", "to": "B", "roles": ["officer"]},
                    {"from": ["B"], "event": "back", "to": "A", "roles": ["officer"]}""")));
            assertTrue(e.getMessage().contains("leaves terminal state B"), e.getMessage());
        }

        @Test
        void refuses_an_unreachable_state_and_a_dead_end() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkflowTable.parse(table(
                    ", {\"name\": \"C\", \"terminal\": false, \"nextStep\": {\"en\": \"c\"}}", """
                    {"from": ["A"], "event": "go", "to": "B", "roles": ["officer"]}""")));
            assertTrue(e.getMessage().contains("state C unreachable"), e.getMessage());
            assertTrue(e.getMessage().contains("non-terminal state C has no way out"), e.getMessage());
        }

        @Test
        void refuses_two_edges_for_one_event_from_one_state_and_unknown_roles() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkflowTable.parse(table("", """
                    {"from": ["A"], "event": "go", "to": "B", "roles": ["officer"]},
                    {"from": ["A"], "event": "go", "to": "A", "roles": ["janitor"]}""")));
            assertTrue(e.getMessage().contains("two edges for go from A"), e.getMessage());
            assertTrue(e.getMessage().contains("unknown or no roles"), e.getMessage());
        }

        @Test
        void refuses_a_table_without_default_kind_and_unknown_fields() {
            assertThrows(IllegalArgumentException.class, () -> WorkflowTable.parse("{\"source\": \"t\", \"kinds\": []}"));
            assertThrows(IllegalArgumentException.class, () -> WorkflowTable.parse("{\"source\": \"t\", \"kinds\": [], \"x\": 1}"));
        }
    }
}
