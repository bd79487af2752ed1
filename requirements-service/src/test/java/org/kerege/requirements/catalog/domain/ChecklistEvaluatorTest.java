package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.EntryBuilder.document;
import static org.kerege.requirements.catalog.domain.EntryBuilder.rule;
import static org.kerege.requirements.catalog.domain.EntryBuilder.text;

/** Generic evaluation semantics on small hand-built entries. */
class ChecklistEvaluatorTest {

    private final ChecklistEvaluator evaluator = new ChecklistEvaluator(ReferenceLists.of(List.of(
            new ReferenceList("kg.bordering-states", List.of("KZ", "UZ", "TJ", "CN"), null))));

    private Checklist evaluate(ServiceEntry entry, Map<String, ?> facts, String... languages) {
        return evaluator.evaluate(entry, ApplicantFacts.of(facts), LanguagePreference.of(languages));
    }

    @Nested
    class Documents {

        private final ServiceEntry entry = new EntryBuilder()
                .document(document("always", null))
                .document(document("lost-copy", "lostDocument"))
                .document(document("replaced", "!lostDocument"))
                .document(document("minor", "age < 16 && lostDocument"))
                .build();

        @Test
        void true_condition_lists_the_document_as_required() {
            Checklist c = evaluate(entry, Map.of("lostDocument", true, "age", 30));
            assertEquals(List.of("always", "lost-copy"), c.documentIds());
            assertEquals(List.of(), c.conditionalDocumentIds());
        }

        @Test
        void false_condition_leaves_the_document_out() {
            assertEquals(List.of("always", "replaced"), evaluate(entry, Map.of("lostDocument", false)).documentIds());
        }

        @Test
        void unknown_condition_lists_the_document_as_conditional_with_its_condition_and_missing_facts() {
            Checklist c = evaluate(entry, Map.of("age", 10));
            assertEquals(List.of("always"), c.requiredDocumentIds());
            assertEquals(List.of("lost-copy", "replaced", "minor"), c.conditionalDocumentIds());
            Checklist.Document minor = c.document("minor").orElseThrow();
            assertTrue(minor.conditional());
            assertEquals("age < 16 && lostDocument", minor.condition());
            assertEquals(Set.of("lostDocument"), minor.dependsOn());
            assertEquals(Set.of("lostDocument"), c.missingFacts());
        }

        @Test
        void a_known_false_part_settles_a_condition_despite_a_missing_fact() {
            assertFalse(evaluate(entry, Map.of("age", 30)).documentIds().contains("minor"));
        }
    }

    @Nested
    class Eligibility {

        private final ServiceEntry entry = new EntryBuilder()
                .rule(rule("foreign", "citizenship != KG"))
                .rule(rule("not-bordering", "!(citizenship in @kg.bordering-states)"))
                .rule(rule("category", "category in [former-citizen, descendant-of-citizen]"))
                .build();

        @Test
        void all_rules_met_is_yes() {
            Checklist c = evaluate(entry, Map.of("citizenship", "DE", "category", "former-citizen"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            assertTrue(c.eligibility().stream().allMatch(f -> f.outcome() == Checklist.Outcome.MET));
        }

        @Test
        void one_rule_not_met_is_no_with_that_rules_reason() {
            Checklist c = evaluate(entry, Map.of("citizenship", "KZ", "category", "former-citizen"));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
            Checklist.Finding failed = c.eligibility().stream()
                    .filter(f -> f.outcome() == Checklist.Outcome.NOT_MET).findFirst().orElseThrow();
            assertEquals("not-bordering", failed.ruleId());
            assertEquals("rule not-bordering", failed.reason());
        }

        @Test
        void no_wins_over_unknown() {
            assertEquals(Checklist.Eligibility.NO, evaluate(entry, Map.of("citizenship", "KG")).eligible());
        }

        @Test
        void missing_fact_is_cannot_tell_yet_naming_the_fact() {
            Checklist c = evaluate(entry, Map.of("citizenship", "DE"));
            assertEquals(Checklist.Eligibility.UNKNOWN, c.eligible());
            Checklist.Finding undetermined = c.eligibility().get(2);
            assertEquals(Checklist.Outcome.UNDETERMINED, undetermined.outcome());
            assertEquals(Set.of("category"), undetermined.missingFacts());
        }

        @Test
        void no_rules_is_yes() {
            assertEquals(Checklist.Eligibility.YES, evaluate(new EntryBuilder().build(), Map.of()).eligible());
        }
    }

    @Nested
    class Terms {

        private ServiceEntry entry() {
            EntryBuilder b = new EntryBuilder();
            b.reviewWindow = List.of(
                    new TermRule(Condition.parse("procedure == general"), Term.of(60, TermUnit.CALENDAR_DAYS, "a")),
                    new TermRule(Condition.parse("procedure == simplified"), Term.of(30, TermUnit.CALENDAR_DAYS, "a")));
            b.validity = List.of();
            b.validityUnstated = text("жок", "not stated");
            return b.build();
        }

        @Test
        void the_first_true_rule_decides() {
            Checklist c = evaluate(entry(), Map.of("procedure", "simplified"));
            assertEquals(30, c.reviewWindow().determined().amount());
            assertEquals(List.of(), c.reviewWindow().alternatives());
        }

        @Test
        void unknown_rules_are_offered_as_alternatives() {
            Checklist c = evaluate(entry(), Map.of());
            assertNull(c.reviewWindow().determined());
            assertEquals(List.of(60, 30), c.reviewWindow().alternatives().stream().map(o -> o.term().amount()).toList());
            assertEquals(Set.of("procedure"), c.reviewWindow().alternatives().get(0).dependsOn());
        }

        @Test
        void unstated_term_carries_the_explanation() {
            Checklist c = evaluate(entry(), Map.of());
            assertNull(c.validity().determined());
            assertEquals("not stated", c.validity().unstated());
        }
    }

    @Nested
    class ForeignDocuments {

        private ServiceEntry entry() {
            EntryBuilder b = new EntryBuilder();
            b.foreignDocumentRule = new ForeignDocumentRule(Condition.parse("documentsIssuedAbroad"),
                    text("апостиль", "apostille + notarised translation"));
            b.documents.add(new DocumentRequirement("birth", text("к", "birth certificate"), null, text("с", "r"), null,
                    null, false, ForeignIssue.POSSIBLE, null));
            b.documents.add(new DocumentRequirement("foreign-record", text("к", "record"), null, text("с", "r"), null,
                    null, false, ForeignIssue.ALWAYS, null));
            b.documents.add(document("home", null));
            return b.build();
        }

        @Test
        void foreign_documents_get_the_apostille_note() {
            Checklist c = evaluate(entry(), Map.of("documentsIssuedAbroad", true));
            assertEquals("apostille + notarised translation", c.document("birth").orElseThrow().legalisation().note());
            assertFalse(c.document("birth").orElseThrow().legalisation().conditional());
            assertNull(c.document("home").orElseThrow().legalisation());
        }

        @Test
        void home_documents_get_no_note_but_always_foreign_ones_do() {
            Checklist c = evaluate(entry(), Map.of("documentsIssuedAbroad", false));
            assertNull(c.document("birth").orElseThrow().legalisation());
            assertTrue(c.document("foreign-record").orElseThrow().legalisation() != null);
        }

        @Test
        void unknown_origin_gives_a_conditional_note() {
            Checklist.Legalisation l = evaluate(entry(), Map.of()).document("birth").orElseThrow().legalisation();
            assertTrue(l.conditional());
            assertEquals("documentsIssuedAbroad", l.condition());
        }
    }

    @Nested
    class Languages {

        private ServiceEntry entry() {
            EntryBuilder b = new EntryBuilder();
            b.title = LocalizedText.of("ky", "Паспорт", "en", "Passport", "ru", "Паспорт-ru");
            b.documents.add(new DocumentRequirement("p", LocalizedText.of("ky", "Сүрөт", "en", "Photo"), null,
                    text("себеп", "reason"), null, null, false, null, null));
            return b.build();
        }

        @Test
        void says_which_language_it_used() {
            Checklist c = evaluate(entry(), Map.of(), "ky");
            assertEquals("ky", c.language());
            assertEquals("Паспорт", c.title());
            assertEquals("Сүрөт", c.document("p").orElseThrow().name());
            assertEquals(Set.of(), c.fallbackLanguages());
        }

        @Test
        void reports_texts_that_fell_back_to_another_language() {
            Checklist c = evaluate(entry(), Map.of(), "ru");
            assertEquals("ru", c.language());
            assertEquals("Photo", c.document("p").orElseThrow().name());
            assertEquals(Set.of("en"), c.fallbackLanguages());
        }
    }

    @Test
    void fee_passes_given_parameters_and_names_missing_ones() {
        EntryBuilder b = new EntryBuilder();
        b.fee = new Fee("mn.passport.extension", List.of("extensionYears", "urgent"), false, null, null);
        b.code = "kg.test-service";
        Checklist c = evaluate(b.build(), Map.of("extensionYears", 3));
        assertEquals("mn.passport.extension", c.fee().code());
        assertEquals(Map.of("extensionYears", 3), c.fee().parameters());
        assertEquals(Set.of("urgent"), c.fee().missingParameters());
    }

    @Test
    void conditional_places_steps_and_deadlines_follow_the_same_rules() {
        EntryBuilder b = new EntryBuilder();
        b.whereToApply.add(new ConditionalText(Condition.parse("applyingAtMissionAbroad"), text("элчилик", "embassy")));
        b.whereToApply.add(new ConditionalText(Condition.parse("!applyingAtMissionAbroad"), text("бөлүм", "unit")));
        b.inPersonSteps.add(new ConditionalText(null, text("өзү", "in person")));
        b.deadlines.add(new Deadline("reg", text("каттоо", "register"), Term.of(90, TermUnit.WORKING_DAYS, "entry"),
                Condition.parse("procedure == general")));
        Checklist abroad = evaluate(b.build(), Map.of("applyingAtMissionAbroad", true, "procedure", "simplified"));
        assertEquals(List.of("embassy"), abroad.whereToApply().stream().map(Checklist.Item::text).toList());
        assertEquals(List.of("in person"), abroad.inPersonSteps().stream().map(Checklist.Item::text).toList());
        assertNull(abroad.inPersonSteps().get(0).condition());
        assertEquals(List.of(), abroad.deadlines());
        Checklist unknown = evaluate(b.build(), Map.of());
        assertEquals(2, unknown.whereToApply().size());
        assertTrue(unknown.whereToApply().stream().allMatch(Checklist.Item::conditional));
        assertTrue(unknown.deadlines().get(0).conditional());
    }
}
