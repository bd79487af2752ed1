package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactsValidatorTest {

    private final FactsValidator validator = new FactsValidator(Facts.standard());

    private FactError onlyError(Map<String, ?> raw) {
        FactsValidation v = validator.validate(raw);
        assertEquals(1, v.errors().size(), v.errors().toString());
        return v.errors().get(0);
    }

    @Nested
    class Accepts {

        @Test
        void the_example_request_of_the_issue() {
            FactsValidation v = validator.validate(Map.of("age", 15, "citizenship", "KZ", "lostDocument", true,
                    "procedure", "simplified"));
            assertTrue(v.valid(), v.errors().toString());
            assertEquals(15, v.facts().get("age").orElseThrow());
            assertEquals("KZ", v.facts().get("citizenship").orElseThrow());
        }

        @Test
        void integral_json_numbers_of_any_java_type() {
            assertEquals(15, validator.validate(Map.of("age", 15L)).facts().get("age").orElseThrow());
            assertEquals(15, validator.validate(Map.of("age", 15.0)).facts().get("age").orElseThrow());
            assertEquals(15, validator.validate(Map.of("age", new BigDecimal("15.00"))).facts().get("age").orElseThrow());
        }

        @Test
        void null_as_not_given() {
            Map<String, Object> raw = new HashMap<>();
            raw.put("lostDocument", null);
            FactsValidation v = validator.validate(raw);
            assertTrue(v.valid());
            assertFalse(v.facts().has("lostDocument"));
        }

        @Test
        void iso_dates() {
            assertEquals(LocalDate.of(2015, 7, 1),
                    validator.validate(Map.of("passportIssuedOn", "2015-07-01")).facts().get("passportIssuedOn").orElseThrow());
        }

        @Test
        void the_age_range_ends() {
            assertTrue(validator.validate(Map.of("age", 0)).valid());
            assertTrue(validator.validate(Map.of("age", 150)).valid());
        }
    }

    @Nested
    class Rejects {

        @Test
        void unknown_fact_names() {
            FactError e = onlyError(Map.of("favouriteColour", "blue"));
            assertEquals("favouriteColour", e.field());
            assertEquals(FactError.Kind.UNKNOWN_FACT, e.kind());
        }

        @Test
        void negative_age() {
            FactError e = onlyError(Map.of("age", -3));
            assertEquals("age", e.field());
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, e.kind());
            assertTrue(e.message().contains("between 0 and 150"));
        }

        @Test
        void age_200() {
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, onlyError(Map.of("age", 200)).kind());
        }

        @Test
        void fractional_age() {
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, onlyError(Map.of("age", 15.5)).kind());
        }

        @Test
        void age_as_string() {
            assertEquals(FactError.Kind.WRONG_TYPE, onlyError(Map.of("age", "15")).kind());
        }

        @Test
        void unassigned_country_code_xx() {
            FactError e = onlyError(Map.of("citizenship", "XX"));
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, e.kind());
        }

        @Test
        void lower_case_country_code_with_a_hint() {
            FactError e = onlyError(Map.of("citizenship", "kz"));
            assertTrue(e.message().contains("\"KZ\""), e.message());
        }

        @Test
        void three_letter_country_code() {
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, onlyError(Map.of("countryOfResidence", "KAZ")).kind());
        }

        @Test
        void boolean_given_as_string() {
            assertEquals(FactError.Kind.WRONG_TYPE, onlyError(Map.of("lostDocument", "yes")).kind());
        }

        @Test
        void enum_value_not_allowed() {
            FactError e = onlyError(Map.of("procedure", "express"));
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, e.kind());
            assertTrue(e.message().contains("general"));
        }

        @Test
        void malformed_date() {
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, onlyError(Map.of("passportIssuedOn", "01.07.2015")).kind());
        }

        @Test
        void extension_years_outside_1_to_5() {
            assertEquals(FactError.Kind.IMPOSSIBLE_VALUE, onlyError(Map.of("extensionYears", 6)).kind());
        }

        @Test
        void a_lost_document_described_as_expired() {
            FactError e = onlyError(Map.of("lostDocument", true, "documentProblem", "expired"));
            assertEquals("documentProblem", e.field());
            assertEquals(FactError.Kind.CONTRADICTION, e.kind());
        }

        @Test
        void reports_every_problem_not_just_the_first() {
            FactsValidation v = validator.validate(Map.of("age", -3, "citizenship", "XX", "foo", 1));
            assertEquals(List.of("age", "citizenship", "foo"),
                    v.errors().stream().map(FactError::field).sorted().toList());
        }

        @Test
        void applicant_facts_of_throws_with_all_errors() {
            InvalidFactsException e = assertThrows(InvalidFactsException.class,
                    () -> ApplicantFacts.of(Map.of("age", -3)));
            assertEquals("age", e.errors().get(0).field());
        }
    }

    @Nested
    class ImpliedFacts {

        @Test
        void a_lost_document_has_document_problem_lost() {
            ApplicantFacts f = ApplicantFacts.of(Map.of("lostDocument", true));
            assertEquals("lost", f.get("documentProblem").orElseThrow());
        }

        @Test
        void document_problem_lost_means_lost_document() {
            assertEquals(true, ApplicantFacts.of(Map.of("documentProblem", "lost")).get("lostDocument").orElseThrow());
        }

        @Test
        void any_other_document_problem_means_not_lost() {
            assertEquals(false, ApplicantFacts.of(Map.of("documentProblem", "expired")).get("lostDocument").orElseThrow());
        }

        @Test
        void a_first_passport_has_nothing_lost_or_defective() {
            ApplicantFacts f = ApplicantFacts.of(Map.of("firstPassport", true));
            assertEquals(false, f.get("lostDocument").orElseThrow());
            assertEquals("none", f.get("documentProblem").orElseThrow());
        }

        @Test
        void not_lost_leaves_the_problem_unknown() {
            assertFalse(ApplicantFacts.of(Map.of("lostDocument", false)).has("documentProblem"));
        }

        @Test
        void rejects_a_first_passport_that_was_lost() {
            FactsValidation v = validator.validate(Map.of("firstPassport", true, "lostDocument", true));
            assertTrue(v.errors().stream().anyMatch(e -> e.field().equals("lostDocument")
                    && e.kind() == FactError.Kind.CONTRADICTION));
        }

        @Test
        void rejects_document_problem_lost_with_lost_document_false() {
            FactError e = onlyError(Map.of("documentProblem", "lost", "lostDocument", false));
            assertEquals(FactError.Kind.CONTRADICTION, e.kind());
        }
    }

    @Test
    void registry_knows_every_documented_fact_with_its_type() {
        Facts facts = Facts.standard();
        assertEquals(FactType.INTEGER, facts.find("age").orElseThrow().type());
        assertEquals(FactType.COUNTRY, facts.find("citizenship").orElseThrow().type());
        assertEquals(FactType.BOOLEAN, facts.find("lostDocument").orElseThrow().type());
        assertEquals(FactType.ENUM, facts.find("procedure").orElseThrow().type());
        assertEquals(FactType.DATE, facts.find("passportIssuedOn").orElseThrow().type());
        assertEquals(List.of("general", "simplified"), facts.find("procedure").orElseThrow().allowedValues());
        assertTrue(facts.all().stream().allMatch(d -> !d.description().isBlank()));
    }
}
