package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionParserTest {

    @Nested
    class Shapes {

        @Test
        void parses_bare_boolean_fact() {
            assertEquals(new Expr.FactTest("lostDocument"), ConditionParser.parse("lostDocument"));
        }

        @Test
        void parses_negated_fact() {
            assertEquals(new Expr.Not(new Expr.FactTest("lostDocument")), ConditionParser.parse("!lostDocument"));
        }

        @Test
        void parses_integer_comparison() {
            assertEquals(new Expr.Comparison("age", Expr.Operator.LT, new Expr.Literal(16L, "16")),
                    ConditionParser.parse("age < 16"));
        }

        @Test
        void parses_negative_numbers() {
            Expr.Comparison c = (Expr.Comparison) ConditionParser.parse("age >= -3");
            assertEquals(-3L, c.literal().value());
        }

        @Test
        void parses_quoted_and_bare_string_literals_alike() {
            Expr.Comparison quoted = (Expr.Comparison) ConditionParser.parse("maritalStatus == \"married\"");
            Expr.Comparison bare = (Expr.Comparison) ConditionParser.parse("maritalStatus == married");
            assertEquals("married", quoted.literal().value());
            assertEquals("married", bare.literal().value());
        }

        @Test
        void parses_escapes_in_strings() {
            Expr.Comparison c = (Expr.Comparison) ConditionParser.parse("channel == \"a\\\"b\\\\c\"");
            assertEquals("a\"b\\c", c.literal().value());
        }

        @Test
        void parses_membership_in_a_literal_list() {
            Expr.Membership m = (Expr.Membership) ConditionParser.parse("citizenship in [KZ, UZ, TJ, CN]");
            assertEquals("citizenship", m.fact());
            assertEquals(List.of("KZ", "UZ", "TJ", "CN"), m.values().stream().map(Expr.Literal::value).toList());
        }

        @Test
        void parses_membership_in_a_reference_list() {
            Expr.Membership m = (Expr.Membership) ConditionParser.parse("citizenship in @kg.bordering-states");
            assertEquals("kg.bordering-states", m.listRef());
        }

        @Test
        void parses_words_with_hyphens_and_dots_as_values() {
            Expr.Membership m = (Expr.Membership) ConditionParser.parse("channel in [my.gov.uz, e-imzo.uz, service-centre]");
            assertEquals(List.of("my.gov.uz", "e-imzo.uz", "service-centre"),
                    m.values().stream().map(Expr.Literal::value).toList());
        }

        @Test
        void parses_boolean_literals_and_constants() {
            assertEquals(new Expr.Constant(true), ConditionParser.parse("true"));
            Expr.Comparison c = (Expr.Comparison) ConditionParser.parse("urgent == false");
            assertEquals(Boolean.FALSE, c.literal().value());
        }

        @Test
        void parses_date_literal_as_string() {
            Expr.Comparison c = (Expr.Comparison) ConditionParser.parse("passportIssuedOn >= \"2015-07-01\"");
            assertEquals("2015-07-01", c.literal().value());
        }
    }

    @Nested
    class Precedence {

        @Test
        void and_binds_tighter_than_or() {
            Expr e = ConditionParser.parse("a || b && c");
            Expr.Or or = assertInstanceOf(Expr.Or.class, e);
            assertEquals(new Expr.FactTest("a"), or.left());
            assertInstanceOf(Expr.And.class, or.right());
        }

        @Test
        void parentheses_override_precedence() {
            Expr e = ConditionParser.parse("(a || b) && c");
            Expr.And and = assertInstanceOf(Expr.And.class, e);
            assertInstanceOf(Expr.Or.class, and.left());
        }

        @Test
        void not_applies_to_the_whole_comparison_after_it() {
            Expr e = ConditionParser.parse("!citizenship in [KZ]");
            Expr.Not not = assertInstanceOf(Expr.Not.class, e);
            assertInstanceOf(Expr.Membership.class, not.operand());
        }

        @Test
        void not_binds_tighter_than_and() {
            Expr.And and = assertInstanceOf(Expr.And.class, ConditionParser.parse("!a && b"));
            assertInstanceOf(Expr.Not.class, and.left());
        }

        @Test
        void or_and_and_are_left_associative() {
            Expr.Or outer = assertInstanceOf(Expr.Or.class, ConditionParser.parse("a || b || c"));
            assertInstanceOf(Expr.Or.class, outer.left());
            assertEquals(new Expr.FactTest("c"), outer.right());
        }

        @Test
        void renders_canonical_text_with_needed_parentheses() {
            assertEquals("(a || b) && !c", ConditionParser.parse("( a||b )&&!c").render());
            assertEquals("nameChangeGround == 5 || nameChangeGround == 4 && maritalStatus == divorced",
                    ConditionParser.parse("nameChangeGround == 5 || (nameChangeGround == 4 && maritalStatus == divorced)")
                            .render());
        }

        @Test
        void rendered_text_parses_back_to_the_same_tree() {
            String source = "!(citizenship in @kg.bordering-states) && (age >= 18 || firstPassport) && category in [a-b, c]";
            Expr once = ConditionParser.parse(source);
            assertEquals(once, ConditionParser.parse(once.render()));
        }
    }

    @Nested
    class Errors {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("age <", 5, "expected a value"),
                    Arguments.of("age = 16", 4, "use '=='"),
                    Arguments.of("a & b", 2, "use '&&'"),
                    Arguments.of("a | b", 2, "use '||'"),
                    Arguments.of("(a || b", 7, "expected ')'"),
                    Arguments.of("a b", 2, "unexpected 'b'"),
                    Arguments.of("citizenship in KZ", 15, "expected '[' or '@list'"),
                    Arguments.of("citizenship in [KZ,", 19, "expected a value"),
                    Arguments.of("citizenship in [KZ UZ]", 19, "expected ']'"),
                    Arguments.of("channel == \"open", 11, "unterminated string"),
                    Arguments.of("age < 16 #", 9, "unexpected character '#'"),
                    Arguments.of("former-citizen", 0, "is not a fact name"),
                    Arguments.of("&& a", 0, "expected a fact name"),
                    Arguments.of("citizenship in @", 15, "expected a list name"),
                    Arguments.of("age < 12abc", 6, "malformed number"));
        }

        @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
        @MethodSource("malformed")
        void reports_the_position_of_the_first_error(String source, int position, String reason) {
            ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse(source));
            assertEquals(position, e.position(), e.getMessage());
            assertTrue(e.reason().contains(reason), e.reason());
            assertTrue(e.getMessage().contains("at position " + position));
        }

        @Test
        void rejects_empty_condition() {
            assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("  "));
        }

        @Test
        void lenient_parse_keeps_the_error_instead_of_throwing() {
            Condition c = Condition.lenient("age <");
            assertFalse(c.isValid());
            assertEquals(5, c.error().position());
            assertThrows(IllegalStateException.class, () -> c.evaluate(ApplicantFacts.empty(), ReferenceLists.NONE));
        }

        @Test
        void blank_condition_always_holds() {
            assertTrue(Condition.parse(null).isAlways());
            assertTrue(Condition.lenient("").isAlways());
        }
    }
}
