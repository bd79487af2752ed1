package org.kerege.requirements.catalog.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the flat JSON object of a checklist request against the {@link Facts} registry.
 *
 * <p>Rules: every name must be a known fact; a JSON {@code null} counts as "not given" (unknown);
 * booleans must be JSON booleans; integers must be whole numbers in the fact's range (a JSON number such
 * as {@code 15.0} is accepted as 15); countries must be upper-case ISO 3166-1 alpha-2 codes; enum values
 * must be one of the allowed values exactly; dates must be ISO-8601 ({@code 2015-07-01}). Facts implied
 * by others are derived and contradictions reported (see {@link #deriveImpliedFacts}).
 */
public final class FactsValidator {

    private final Facts facts;

    public FactsValidator(Facts facts) {
        this.facts = facts;
    }

    public FactsValidation validate(Map<String, ?> raw) {
        List<FactError> errors = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((name, value) -> {
                var definition = facts.find(name);
                if (definition.isEmpty()) {
                    errors.add(new FactError(name, FactError.Kind.UNKNOWN_FACT, "unknown fact '" + name + "'"));
                } else if (value != null) {
                    Object typed = convert(definition.get(), value, errors);
                    if (typed != null) {
                        accepted.put(name, typed);
                    }
                }
            });
        }
        deriveImpliedFacts(accepted, errors);
        return new FactsValidation(new ApplicantFacts(accepted), errors);
    }

    /**
     * Facts that follow from others, so that a condition on one is not left unknown when the other was given:
     * <ul>
     *   <li>{@code lostDocument = true} ⇔ {@code documentProblem = "lost"} (each derived from the other);</li>
     *   <li>any other {@code documentProblem} ⇒ {@code lostDocument = false};</li>
     *   <li>{@code firstPassport = true} ⇒ nothing to lose or be defective: {@code lostDocument = false},
     *       {@code documentProblem = "none"}.</li>
     * </ul>
     * A given value that contradicts a derived one is a {@link FactError.Kind#CONTRADICTION}.
     */
    private static void deriveImpliedFacts(Map<String, Object> facts, List<FactError> errors) {
        if (Boolean.TRUE.equals(facts.get(Facts.FIRST_PASSPORT))) {
            imply(facts, errors, Facts.LOST_DOCUMENT, false, "a first passport replaces nothing, so nothing was lost");
            imply(facts, errors, Facts.DOCUMENT_PROBLEM, "none", "a first passport replaces nothing");
        }
        Object lost = facts.get(Facts.LOST_DOCUMENT);
        Object problem = facts.get(Facts.DOCUMENT_PROBLEM);
        if (Boolean.TRUE.equals(lost)) {
            imply(facts, errors, Facts.DOCUMENT_PROBLEM, "lost", "lostDocument is true");
        } else if ("lost".equals(problem)) {
            imply(facts, errors, Facts.LOST_DOCUMENT, true, "documentProblem is 'lost'");
        } else if (problem != null) {
            imply(facts, errors, Facts.LOST_DOCUMENT, false, "documentProblem is '" + problem + "'");
        }
    }

    private static void imply(Map<String, Object> facts, List<FactError> errors, String name, Object value, String why) {
        Object given = facts.putIfAbsent(name, value);
        if (given != null && !given.equals(value) && errors.stream().noneMatch(e -> e.field().equals(name))) {
            errors.add(new FactError(name, FactError.Kind.CONTRADICTION,
                    name + " must be " + value + " (or omitted) because " + why));
        }
    }

    private static Object convert(FactDefinition definition, Object value, List<FactError> errors) {
        String name = definition.name();
        return switch (definition.type()) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                errors.add(wrongType(name, "must be true or false"));
                yield null;
            }
            case INTEGER -> toInteger(definition, value, errors);
            case ENUM -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(name, "must be a string, one of " + definition.allowedValues()));
                    yield null;
                }
                if (!definition.allowedValues().contains(s)) {
                    errors.add(impossible(name, "must be one of " + definition.allowedValues()));
                    yield null;
                }
                yield s;
            }
            case COUNTRY -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(name, "must be an ISO 3166-1 alpha-2 country code string, e.g. \"KZ\""));
                    yield null;
                }
                if (!Countries.isIsoAlpha2(s)) {
                    String hint = Countries.isIsoAlpha2(s.toUpperCase(Locale.ROOT))
                            ? " (codes are upper case: \"" + s.toUpperCase(Locale.ROOT) + "\")" : "";
                    errors.add(impossible(name, "'" + s + "' is not an ISO 3166-1 alpha-2 country code" + hint));
                    yield null;
                }
                yield s;
            }
            case DATE -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(name, "must be an ISO-8601 date string, e.g. \"2015-07-01\""));
                    yield null;
                }
                try {
                    yield LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    errors.add(impossible(name, "'" + s + "' is not an ISO-8601 date (yyyy-MM-dd)"));
                    yield null;
                }
            }
        };
    }

    private static Integer toInteger(FactDefinition definition, Object value, List<FactError> errors) {
        String name = definition.name();
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger bi) {
            number = new BigDecimal(bi);
        } else if (value instanceof BigDecimal bd) {
            number = bd;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                errors.add(impossible(name, "must be a whole number"));
                return null;
            }
            number = BigDecimal.valueOf(d);
        } else {
            errors.add(wrongType(name, "must be a number"));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            errors.add(impossible(name, "must be a whole number"));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(definition.min())) < 0
                || number.compareTo(BigDecimal.valueOf(definition.max())) > 0) {
            errors.add(impossible(name, "must be between " + definition.min() + " and " + definition.max()));
            return null;
        }
        return number.intValueExact();
    }

    private static FactError wrongType(String name, String message) {
        return new FactError(name, FactError.Kind.WRONG_TYPE, message);
    }

    private static FactError impossible(String name, String message) {
        return new FactError(name, FactError.Kind.IMPOSSIBLE_VALUE, message);
    }
}
