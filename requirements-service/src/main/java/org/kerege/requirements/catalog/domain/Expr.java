package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syntax tree of a condition (see {@link ConditionParser} for the grammar). Evaluation is three-valued:
 * a fact the applicant did not give yields {@link Tri#UNKNOWN} wherever it is tested.
 */
public sealed interface Expr {

    Tri evaluate(ApplicantFacts facts, ReferenceLists lists);

    /** Adds the names of every fact this expression tests. */
    void collectFacts(Set<String> into);

    /** Canonical text, fully parenthesised where precedence matters. */
    String render();

    /** {@code true} or {@code false}. */
    record Constant(boolean value) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            return Tri.of(value);
        }

        public void collectFacts(Set<String> into) {
        }

        public String render() {
            return Boolean.toString(value);
        }
    }

    /** A bare boolean fact, e.g. {@code lostDocument}. */
    record FactTest(String fact) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            return facts.get(fact).map(v -> Tri.of(Boolean.TRUE.equals(v))).orElse(Tri.UNKNOWN);
        }

        public void collectFacts(Set<String> into) {
            into.add(fact);
        }

        public String render() {
            return fact;
        }
    }

    record Not(Expr operand) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            return operand.evaluate(facts, lists).not();
        }

        public void collectFacts(Set<String> into) {
            operand.collectFacts(into);
        }

        public String render() {
            return "!" + (operand instanceof FactTest || operand instanceof Constant ? operand.render()
                    : "(" + operand.render() + ")");
        }
    }

    record And(Expr left, Expr right) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            return left.evaluate(facts, lists).and(right.evaluate(facts, lists));
        }

        public void collectFacts(Set<String> into) {
            left.collectFacts(into);
            right.collectFacts(into);
        }

        public String render() {
            return wrapOr(left) + " && " + wrapOr(right);
        }

        private static String wrapOr(Expr e) {
            return e instanceof Or ? "(" + e.render() + ")" : e.render();
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            return left.evaluate(facts, lists).or(right.evaluate(facts, lists));
        }

        public void collectFacts(Set<String> into) {
            left.collectFacts(into);
            right.collectFacts(into);
        }

        public String render() {
            return left.render() + " || " + right.render();
        }
    }

    /** {@code fact op literal}, e.g. {@code age < 16}, {@code maritalStatus == "married"}. */
    record Comparison(String fact, Operator operator, Literal literal) implements Expr {
        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            Optional<Object> value = facts.get(fact);
            if (value.isEmpty()) {
                return Tri.UNKNOWN;
            }
            Object v = value.get();
            if (operator == Operator.EQ || operator == Operator.NE) {
                boolean equal = literal.matches(v);
                return Tri.of(operator == Operator.EQ ? equal : !equal);
            }
            int cmp;
            if (v instanceof Integer i && literal.value() instanceof Long l) {
                cmp = Long.compare(i, l);
            } else if (v instanceof LocalDate d && literal.value() instanceof String s) {
                cmp = d.compareTo(LocalDate.parse(s));
            } else {
                throw new IllegalStateException("cannot order " + fact + " against " + literal.text()
                        + " (the catalog validator should have refused this condition)");
            }
            return Tri.of(operator.test(cmp));
        }

        public void collectFacts(Set<String> into) {
            into.add(fact);
        }

        public String render() {
            return fact + " " + operator.symbol() + " " + literal.text();
        }
    }

    /**
     * {@code fact in [a, b, c]} or {@code fact in @reference-list}. Exactly one of {@code values} and
     * {@code listRef} is used.
     */
    record Membership(String fact, List<Literal> values, String listRef) implements Expr {
        public Membership {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
            Optional<Object> value = facts.get(fact);
            if (value.isEmpty()) {
                return Tri.UNKNOWN;
            }
            Object v = value.get();
            if (listRef != null) {
                ReferenceList list = lists.find(listRef).orElseThrow(() -> new IllegalStateException(
                        "unknown reference list @" + listRef + " (the catalog validator should have refused this)"));
                return Tri.of(list.values().contains(String.valueOf(v)));
            }
            return Tri.of(values.stream().anyMatch(l -> l.matches(v)));
        }

        public void collectFacts(Set<String> into) {
            into.add(fact);
        }

        public String render() {
            return fact + " in " + (listRef != null ? "@" + listRef
                    : values.stream().map(Literal::text).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /** Comparison operators. */
    enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isOrdering() {
            return this != EQ && this != NE;
        }

        boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    /**
     * A literal: a {@link Long} (number), {@link Boolean} ({@code true}/{@code false}) or {@link String}
     * (quoted string or bare word such as {@code KZ}).
     *
     * @param value the value
     * @param text  the literal as written (quoted strings keep their quotes)
     */
    record Literal(Object value, String text) {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        /** Equality against a typed fact value. */
        boolean matches(Object factValue) {
            if (factValue instanceof Integer i && value instanceof Long l) {
                return i.longValue() == l;
            }
            if (factValue instanceof LocalDate d && value instanceof String s) {
                return d.toString().equals(s);
            }
            return factValue.equals(value);
        }
    }
}
