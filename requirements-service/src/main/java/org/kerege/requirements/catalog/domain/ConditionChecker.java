package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of a parsed condition against the {@link Facts} registry and the reference lists:
 * every fact is known, operators fit the fact type, literals are allowed values of the fact.
 * Used by {@link CatalogValidator} before a catalog version is published.
 */
public final class ConditionChecker {

    /** One finding; {@code unknownFact} distinguishes "names an unknown fact" from type problems. */
    public record Finding(boolean unknownFact, boolean unknownList, String message) {
    }

    private final Facts facts;
    private final ReferenceLists lists;

    public ConditionChecker(Facts facts, ReferenceLists lists) {
        this.facts = facts;
        this.lists = lists;
    }

    public List<Finding> check(Expr expr) {
        List<Finding> findings = new ArrayList<>();
        walk(expr, findings);
        return findings;
    }

    private void walk(Expr expr, List<Finding> out) {
        if (expr instanceof Expr.Not n) {
            walk(n.operand(), out);
        } else if (expr instanceof Expr.And a) {
            walk(a.left(), out);
            walk(a.right(), out);
        } else if (expr instanceof Expr.Or o) {
            walk(o.left(), out);
            walk(o.right(), out);
        } else if (expr instanceof Expr.FactTest t) {
            definition(t.fact(), out).ifPresent(d -> {
                if (d.type() != FactType.BOOLEAN) {
                    out.add(type("'" + t.fact() + "' is " + d.type() + ", not BOOLEAN; compare it with a value"));
                }
            });
        } else if (expr instanceof Expr.Comparison c) {
            definition(c.fact(), out).ifPresent(d -> {
                if (c.operator().isOrdering() && d.type() != FactType.INTEGER && d.type() != FactType.DATE) {
                    out.add(type("'" + c.operator().symbol() + "' needs an INTEGER or DATE fact, '"
                            + c.fact() + "' is " + d.type()));
                }
                checkLiteral(d, c.literal(), out);
            });
        } else if (expr instanceof Expr.Membership m) {
            definition(m.fact(), out).ifPresent(d -> {
                if (m.listRef() != null) {
                    var list = lists.find(m.listRef());
                    if (list.isEmpty()) {
                        out.add(new Finding(false, true, "unknown reference list '@" + m.listRef() + "'"));
                    } else {
                        list.get().values().forEach(v -> checkLiteral(d, new Expr.Literal(v, v), out));
                    }
                } else {
                    m.values().forEach(v -> checkLiteral(d, v, out));
                }
            });
        }
        // Expr.Constant: nothing to check
    }

    private java.util.Optional<FactDefinition> definition(String fact, List<Finding> out) {
        var d = facts.find(fact);
        if (d.isEmpty()) {
            out.add(new Finding(true, false, "unknown fact '" + fact + "'"));
        }
        return d;
    }

    private static void checkLiteral(FactDefinition d, Expr.Literal literal, List<Finding> out) {
        Object v = literal.value();
        String name = d.name();
        switch (d.type()) {
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) {
                    out.add(type("'" + name + "' is BOOLEAN; " + literal.text() + " is not true/false"));
                }
            }
            case INTEGER -> {
                if (!(v instanceof Long l)) {
                    out.add(type("'" + name + "' is INTEGER; " + literal.text() + " is not a number"));
                } else if (l < d.min() || l > d.max()) {
                    out.add(type(literal.text() + " is outside the range of '" + name + "' [" + d.min() + ", "
                            + d.max() + "]"));
                }
            }
            case ENUM -> {
                if (!(v instanceof String s) || !d.allowedValues().contains(s)) {
                    out.add(type(literal.text() + " is not an allowed value of '" + name + "' " + d.allowedValues()));
                }
            }
            case COUNTRY -> {
                if (!(v instanceof String s) || !Countries.isIsoAlpha2(s)) {
                    out.add(type(literal.text() + " is not an ISO 3166-1 alpha-2 code (for '" + name + "')"));
                }
            }
            case DATE -> {
                boolean ok = v instanceof String s && parses(s);
                if (!ok) {
                    out.add(type(literal.text() + " is not an ISO date \"yyyy-MM-dd\" (for '" + name + "')"));
                }
            }
        }
    }

    private static boolean parses(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Finding type(String message) {
        return new Finding(false, false, message);
    }
}
