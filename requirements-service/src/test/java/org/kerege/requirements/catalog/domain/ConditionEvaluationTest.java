package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Three-valued evaluation of conditions against the facts an applicant gave. */
class ConditionEvaluationTest {

    private static final ReferenceLists LISTS = ReferenceLists.of(List.of(
            new ReferenceList("kg.bordering-states", List.of("KZ", "UZ", "TJ", "CN"), null)));

    private static Tri eval(String condition, Map<String, ?> facts) {
        return Condition.parse(condition).evaluate(ApplicantFacts.of(facts), LISTS);
    }

    @Nested
    class KleeneLogic {

        @ParameterizedTest(name = "{0} && {1} = {2}")
        @CsvSource({"TRUE,TRUE,TRUE", "TRUE,FALSE,FALSE", "TRUE,UNKNOWN,UNKNOWN", "FALSE,UNKNOWN,FALSE",
                "UNKNOWN,UNKNOWN,UNKNOWN", "FALSE,FALSE,FALSE"})
        void and_table(Tri a, Tri b, Tri expected) {
            assertEquals(expected, a.and(b));
            assertEquals(expected, b.and(a));
        }

        @ParameterizedTest(name = "{0} || {1} = {2}")
        @CsvSource({"TRUE,TRUE,TRUE", "TRUE,FALSE,TRUE", "TRUE,UNKNOWN,TRUE", "FALSE,UNKNOWN,UNKNOWN",
                "UNKNOWN,UNKNOWN,UNKNOWN", "FALSE,FALSE,FALSE"})
        void or_table(Tri a, Tri b, Tri expected) {
            assertEquals(expected, a.or(b));
            assertEquals(expected, b.or(a));
        }

        @Test
        void not_keeps_unknown() {
            assertEquals(Tri.UNKNOWN, Tri.UNKNOWN.not());
            assertEquals(Tri.FALSE, Tri.TRUE.not());
        }
    }

    @Nested
    class MissingFacts {

        @Test
        void a_fact_not_given_is_unknown() {
            assertEquals(Tri.UNKNOWN, eval("lostDocument", Map.of()));
            assertEquals(Tri.UNKNOWN, eval("!lostDocument", Map.of()));
            assertEquals(Tri.UNKNOWN, eval("age < 16", Map.of()));
            assertEquals(Tri.UNKNOWN, eval("citizenship in [KZ]", Map.of()));
        }

        @Test
        void false_conjunct_decides_without_the_missing_fact() {
            assertEquals(Tri.FALSE, eval("age < 16 && lostDocument", Map.of("age", 30)));
        }

        @Test
        void true_disjunct_decides_without_the_missing_fact() {
            assertEquals(Tri.TRUE, eval("age < 16 || lostDocument", Map.of("age", 10)));
        }

        @Test
        void names_only_the_facts_not_given() {
            Condition c = Condition.parse("procedure == general && category == former-citizen && age >= 18");
            assertEquals(Set.of("category", "age"), c.missingFacts(ApplicantFacts.of(Map.of("procedure", "general"))));
            assertEquals(Set.of("procedure", "category", "age"), c.factNames());
        }
    }

    @Nested
    class Comparisons {

        @ParameterizedTest(name = "age {0} with age 16 → {1}")
        @CsvSource({"'< 16',FALSE", "'<= 16',TRUE", "'> 15',TRUE", "'>= 17',FALSE", "'== 16',TRUE", "'!= 16',FALSE"})
        void integer_operators(String op, Tri expected) {
            assertEquals(expected, eval("age " + op, Map.of("age", 16)));
        }

        @Test
        void enum_equality() {
            assertEquals(Tri.TRUE, eval("maritalStatus == \"married\" && age >= 18",
                    Map.of("maritalStatus", "married", "age", 30)));
            assertEquals(Tri.FALSE, eval("maritalStatus != married", Map.of("maritalStatus", "married")));
        }

        @Test
        void membership_in_literal_list_and_reference_list() {
            assertEquals(Tri.TRUE, eval("citizenship in [KZ, UZ, TJ, CN]", Map.of("citizenship", "TJ")));
            assertEquals(Tri.FALSE, eval("citizenship in @kg.bordering-states", Map.of("citizenship", "DE")));
            assertEquals(Tri.TRUE, eval("!(citizenship in @kg.bordering-states)", Map.of("citizenship", "DE")));
            assertEquals(Tri.TRUE, eval("nameChangeGround in [4, 5]", Map.of("nameChangeGround", 5)));
        }

        @Test
        void category_disjunction() {
            String c = "category == \"former-citizen\" || category == \"descendant-of-former-citizen\"";
            assertEquals(Tri.TRUE, eval(c, Map.of("category", "descendant-of-former-citizen")));
            assertEquals(Tri.FALSE, eval(c, Map.of("category", "born-in-kyrgyz-ssr")));
        }

        @Test
        void date_ordering() {
            assertEquals(Tri.TRUE, eval("passportIssuedOn >= \"2015-07-01\"", Map.of("passportIssuedOn", "2015-07-01")));
            assertEquals(Tri.FALSE, eval("passportIssuedOn >= \"2015-07-01\"", Map.of("passportIssuedOn", "2015-06-30")));
            assertEquals(Tri.TRUE, eval("passportIssuedOn == \"2015-06-30\"", Map.of("passportIssuedOn", "2015-06-30")));
        }

        @Test
        void boolean_equality() {
            assertEquals(Tri.TRUE, eval("urgent == false", Map.of("urgent", false)));
        }
    }
}
