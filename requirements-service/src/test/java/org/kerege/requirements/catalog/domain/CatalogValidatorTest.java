package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.EntryBuilder.document;
import static org.kerege.requirements.catalog.domain.EntryBuilder.draft;
import static org.kerege.requirements.catalog.domain.EntryBuilder.rule;
import static org.kerege.requirements.catalog.domain.EntryBuilder.text;

/** Each test builds a small draft with exactly one defect and expects the validator to name it. */
class CatalogValidatorTest {

    private final CatalogValidator validator = new CatalogValidator(Facts.standard());

    private List<CatalogProblem> problems(ServiceEntry... entries) {
        return validator.validate(draft(entries));
    }

    private CatalogProblem onlyProblem(ServiceEntry... entries) {
        List<CatalogProblem> found = problems(entries);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void accepts_a_well_formed_draft() {
        assertEquals(List.of(), problems(new EntryBuilder()
                .document(document("passport", "age >= 16 && !lostDocument"))
                .rule(rule("not-bordering", "!(citizenship in @kg.bordering-states)")).build()));
    }

    @Nested
    class Conditions {

        @Test
        void catches_a_syntax_error_with_its_position() {
            CatalogProblem p = onlyProblem(new EntryBuilder().document(document("passport", "age <")).build());
            assertEquals(CatalogProblem.Kind.CONDITION_SYNTAX, p.kind());
            assertEquals("documents[passport].condition", p.path());
            assertTrue(p.message().contains("position 5"), p.message());
        }

        @Test
        void catches_an_unknown_fact() {
            CatalogProblem p = onlyProblem(new EntryBuilder().rule(rule("r", "hasPassport")).build());
            assertEquals(CatalogProblem.Kind.UNKNOWN_FACT, p.kind());
            assertEquals("eligibility[r].condition", p.path());
        }

        @Test
        void catches_an_enum_value_typo() {
            assertEquals(CatalogProblem.Kind.CONDITION_TYPE,
                    onlyProblem(new EntryBuilder().document(document("d", "maritalStatus == maried")).build()).kind());
        }

        @Test
        void catches_an_ordering_operator_on_a_country() {
            assertEquals(CatalogProblem.Kind.CONDITION_TYPE,
                    onlyProblem(new EntryBuilder().document(document("d", "citizenship < KG")).build()).kind());
        }

        @Test
        void catches_a_non_boolean_fact_used_as_a_test() {
            assertEquals(CatalogProblem.Kind.CONDITION_TYPE,
                    onlyProblem(new EntryBuilder().document(document("d", "age")).build()).kind());
        }

        @Test
        void catches_an_invalid_country_literal_and_an_out_of_range_integer() {
            List<CatalogProblem> found = problems(new EntryBuilder()
                    .document(document("a", "citizenship == XX"))
                    .document(document("b", "extensionYears == 9")).build());
            assertEquals(2, found.size());
            assertTrue(found.stream().allMatch(p -> p.kind() == CatalogProblem.Kind.CONDITION_TYPE));
        }

        @Test
        void catches_an_unknown_reference_list() {
            assertEquals(CatalogProblem.Kind.UNKNOWN_REFERENCE_LIST,
                    onlyProblem(new EntryBuilder().rule(rule("r", "citizenship in @neighbours")).build()).kind());
        }

        @Test
        void checks_conditions_of_terms_deadlines_texts_and_the_foreign_rule() {
            EntryBuilder b = new EntryBuilder();
            b.reviewWindow = List.of(new TermRule(Condition.lenient("speedy"), Term.of(1, TermUnit.MONTHS, "x")));
            b.deadlines.add(new Deadline("d", text("а", "a"), Term.of(1, TermUnit.YEARS, "x"), Condition.lenient("nope")));
            b.notes.add(new ConditionalText(Condition.lenient("unknownFact"), text("а", "a")));
            b.foreignDocumentRule = new ForeignDocumentRule(Condition.lenient("abroad"), text("а", "a"));
            List<CatalogProblem> found = problems(b.build());
            assertEquals(List.of("reviewWindow[0].condition", "deadlines[d].condition", "notes[0].condition",
                            "foreignDocumentRule.condition").stream().sorted().toList(),
                    found.stream().map(CatalogProblem::path).sorted().toList());
            assertTrue(found.stream().allMatch(p -> p.kind() == CatalogProblem.Kind.UNKNOWN_FACT));
        }
    }

    @Nested
    class Texts {

        @Test
        void catches_a_document_name_without_english() {
            EntryBuilder b = new EntryBuilder();
            b.documents.add(new DocumentRequirement("d", LocalizedText.of("ky", "Паспорт"), Condition.ALWAYS,
                    text("себеп", "reason"), null, null, false, null, null));
            CatalogProblem p = onlyProblem(b.build());
            assertEquals(CatalogProblem.Kind.MISSING_TEXT, p.kind());
            assertEquals("documents[d].name", p.path());
            assertTrue(p.message().contains("'en'"));
        }

        @Test
        void catches_a_title_without_the_source_language() {
            EntryBuilder b = new EntryBuilder();
            b.title = LocalizedText.of("en", "Passport", "ru", "Паспорт");
            CatalogProblem p = onlyProblem(b.build());
            assertEquals("title", p.path());
            assertTrue(p.message().contains("'ky'"));
        }

        @Test
        void catches_a_missing_eligibility_reason() {
            EntryBuilder b = new EntryBuilder();
            b.eligibility.add(new EligibilityRule("r", Condition.parse("age >= 16"), null));
            assertEquals(CatalogProblem.Kind.MISSING_TEXT, onlyProblem(b.build()).kind());
        }

        @Test
        void catches_an_unsupported_language_code() {
            EntryBuilder b = new EntryBuilder();
            b.title = LocalizedText.of("ky", "а", "en", "a", "de", "A");
            assertEquals(CatalogProblem.Kind.INVALID_FIELD, onlyProblem(b.build()).kind());
        }

        @Test
        void catches_a_list_item_without_english() {
            EntryBuilder b = new EntryBuilder();
            b.lists.put("grounds", List.of(LocalizedText.of("ky", "негиз")));
            assertEquals("lists.grounds[0]", onlyProblem(b.build()).path());
        }
    }

    @Nested
    class Dates {

        @Test
        void catches_overlapping_rule_sets_of_one_code() {
            CatalogProblem p = onlyProblem(new EntryBuilder().from("2020-01-01", "2021-01-01").build(),
                    new EntryBuilder().from("2020-06-01", null).build());
            assertEquals(CatalogProblem.Kind.OVERLAPPING_DATES, p.kind());
        }

        @Test
        void catches_an_open_ended_rule_set_followed_by_another() {
            assertEquals(CatalogProblem.Kind.OVERLAPPING_DATES, onlyProblem(
                    new EntryBuilder().from("2020-01-01", null).build(),
                    new EntryBuilder().from("2022-01-01", null).build()).kind());
        }

        @Test
        void catches_two_open_starts() {
            assertEquals(CatalogProblem.Kind.OVERLAPPING_DATES, onlyProblem(
                    new EntryBuilder().from(null, "2020-01-01").build(),
                    new EntryBuilder().from(null, null).build()).kind());
        }

        @Test
        void accepts_adjacent_rule_sets_because_effective_to_is_exclusive() {
            assertEquals(List.of(), problems(new EntryBuilder().from("2020-01-01", "2021-01-01").build(),
                    new EntryBuilder().from("2021-01-01", null).build()));
        }

        @Test
        void accepts_the_same_dates_for_different_codes() {
            assertEquals(List.of(), problems(new EntryBuilder().build(), new EntryBuilder().code("kg.other").build()));
        }

        @Test
        void catches_an_end_before_the_start() {
            assertEquals(CatalogProblem.Kind.INVALID_DATES,
                    onlyProblem(new EntryBuilder().from("2021-01-01", "2020-01-01").build()).kind());
        }

        @Test
        void catches_a_repeal_date_that_differs_from_effective_to() {
            EntryBuilder b = new EntryBuilder().from("2012-10-19", "2014-05-10");
            b.repeal = new Repeal(java.time.LocalDate.of(2014, 5, 11), text("№ 111", "No. 111"), null);
            assertEquals("repeal.since", onlyProblem(b.build()).path());
        }
    }

    @Nested
    class RequiredParts {

        @Test
        void catches_a_missing_fee_code() {
            EntryBuilder b = new EntryBuilder();
            b.fee = new Fee(null, List.of(), false, null, null);
            assertEquals(CatalogProblem.Kind.MISSING_FEE_CODE, onlyProblem(b.build()).kind());
        }

        @Test
        void accepts_no_fee_code_when_the_entry_says_the_source_states_none() {
            EntryBuilder b = new EntryBuilder();
            b.fee = new Fee(null, List.of(), false, null, text("төлөм жок", "no fee stated"));
            assertEquals(List.of(), problems(b.build()));
        }

        @Test
        void catches_an_unknown_fee_parameter() {
            EntryBuilder b = new EntryBuilder();
            b.fee = new Fee("kg.test-service", List.of("years"), false, null, null);
            assertEquals(CatalogProblem.Kind.UNKNOWN_FACT, onlyProblem(b.build()).kind());
        }

        @Test
        void catches_a_missing_review_window() {
            EntryBuilder b = new EntryBuilder();
            b.reviewWindow = List.of();
            assertEquals(CatalogProblem.Kind.MISSING_REVIEW_WINDOW, onlyProblem(b.build()).kind());
        }

        @Test
        void accepts_no_review_window_when_the_entry_says_why() {
            EntryBuilder b = new EntryBuilder();
            b.reviewWindow = List.of();
            b.reviewWindowUnstated = text("көрсөтүлгөн эмес", "not stated");
            assertEquals(List.of(), problems(b.build()));
        }

        @Test
        void catches_a_missing_validity() {
            EntryBuilder b = new EntryBuilder();
            b.validity = List.of();
            assertEquals(CatalogProblem.Kind.MISSING_VALIDITY, onlyProblem(b.build()).kind());
        }

        @Test
        void catches_a_term_without_amount() {
            EntryBuilder b = new EntryBuilder();
            b.validity = List.of(new TermRule(null, Term.of(0, TermUnit.YEARS, "issue")));
            assertEquals("validity[0].term", onlyProblem(b.build()).path());
        }

        @Test
        void catches_duplicate_document_ids() {
            CatalogProblem p = onlyProblem(new EntryBuilder().document(document("photo", null))
                    .document(document("photo", "age < 16")).build());
            assertEquals(CatalogProblem.Kind.DUPLICATE_DOCUMENT_ID, p.kind());
        }

        @Test
        void catches_a_possibly_foreign_document_without_a_foreign_rule() {
            EntryBuilder b = new EntryBuilder();
            b.documents.add(new DocumentRequirement("birth", text("күбөлүк", "certificate"), null, text("с", "r"),
                    null, null, false, ForeignIssue.POSSIBLE, null));
            assertEquals("documents[birth].issuedAbroad", onlyProblem(b.build()).path());
        }

        @Test
        void catches_a_photo_without_size() {
            EntryBuilder b = new EntryBuilder();
            b.documents.add(new DocumentRequirement("photo", text("сүрөт", "photo"), null, text("с", "r"), null, 1, false,
                    null, new PhotoSpec(BigDecimal.ZERO, null, PhotoSpec.SizeUnit.CM, "white", null, null, null, null)));
            assertEquals("documents[photo].photo", onlyProblem(b.build()).path());
        }

        @Test
        void catches_a_malformed_code_and_country() {
            EntryBuilder b = new EntryBuilder();
            b.code = "Passport";
            b.country = "XX";
            List<CatalogProblem> found = problems(b.build());
            assertEquals(List.of("code", "country"), found.stream().map(CatalogProblem::path).sorted().toList());
        }

        @Test
        void catches_a_code_of_another_country() {
            EntryBuilder b = new EntryBuilder().code("mn.passport.new");
            assertEquals("code", onlyProblem(b.build()).path());
        }
    }

    @Nested
    class Publishing {

        @Test
        void refuses_a_catalog_with_problems_and_lists_them_all() {
            EntryBuilder b = new EntryBuilder().document(document("d", "age <"));
            b.validity = List.of();
            CatalogRejectedException e = assertThrows(CatalogRejectedException.class,
                    () -> CatalogPublisher.standard().publish(draft(b.build()), null, Instant.EPOCH));
            assertEquals(2, e.problems().size());
        }

        @Test
        void publishes_a_valid_draft_with_its_number_and_time() {
            CatalogVersion v = CatalogPublisher.standard().publish(draft(new EntryBuilder().build()), null,
                    Instant.parse("2025-01-01T00:00:00Z"));
            assertEquals(1, v.number());
            assertEquals(Instant.parse("2025-01-01T00:00:00Z"), v.publishedAt());
        }

        @Test
        void refuses_a_version_number_that_does_not_increase() {
            CatalogVersion first = CatalogPublisher.standard().publish(draft(new EntryBuilder().build()), null, Instant.EPOCH);
            CatalogRejectedException e = assertThrows(CatalogRejectedException.class,
                    () -> CatalogPublisher.standard().publish(draft(new EntryBuilder().build()), first, Instant.EPOCH));
            assertEquals("version", e.problems().get(0).path());
        }
    }
}
