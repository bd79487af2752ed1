package org.kerege.requirements.catalog.domain;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A condition written in the catalog data, e.g. {@code age < 16 && !lostDocument}, with its parsed tree.
 *
 * <p>Conditions are read leniently ({@link #lenient(String)}) so that a catalog with a syntax error can
 * still be loaded and every problem reported by {@link CatalogValidator}; such an invalid condition is
 * never evaluated because a catalog containing one is refused at publication.
 *
 * <p><b>Missing facts.</b> Evaluation is three-valued ({@link Tri}). A document whose condition is
 * UNKNOWN is listed as "required if …"; an eligibility rule that is UNKNOWN makes the answer "cannot
 * tell yet" and names the facts still needed ({@link #missingFacts(ApplicantFacts)}).
 *
 * @param source the text as written; {@code "true"} for a condition that always holds
 * @param expr   the parsed tree, or {@code null} when the text has a syntax error
 * @param error  the syntax error, or {@code null}
 */
public record Condition(String source, Expr expr, ConditionSyntaxException error) {

    public static final Condition ALWAYS = new Condition("true", new Expr.Constant(true), null);

    /** Parses a condition; a null or blank text is {@link #ALWAYS}. Throws on a syntax error. */
    public static Condition parse(String source) {
        if (source == null || source.isBlank()) {
            return ALWAYS;
        }
        return new Condition(source.strip(), ConditionParser.parse(source.strip()), null);
    }

    /** Like {@link #parse(String)}, but keeps a syntax error inside the result instead of throwing. */
    public static Condition lenient(String source) {
        try {
            return parse(source);
        } catch (ConditionSyntaxException e) {
            return new Condition(source, null, e);
        }
    }

    public boolean isValid() {
        return expr != null;
    }

    /** True when the condition holds whatever the facts. */
    public boolean isAlways() {
        return expr instanceof Expr.Constant c && c.value();
    }

    public Tri evaluate(ApplicantFacts facts, ReferenceLists lists) {
        if (expr == null) {
            throw new IllegalStateException("condition has a syntax error: " + error.getMessage());
        }
        return expr.evaluate(facts, lists);
    }

    /** Every fact the condition tests. */
    public Set<String> factNames() {
        Set<String> names = new LinkedHashSet<>();
        if (expr != null) {
            expr.collectFacts(names);
        }
        return names;
    }

    /** The facts the condition tests that the applicant did not give. */
    public Set<String> missingFacts(ApplicantFacts facts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : factNames()) {
            if (!facts.has(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        return source;
    }
}
