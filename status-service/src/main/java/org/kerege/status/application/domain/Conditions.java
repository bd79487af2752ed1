package org.kerege.status.application.domain;

import java.util.Map;

/**
 * The catalog's small condition language as it appears on review windows and validity terms:
 * {@code true}, empty, or clauses {@code key == value} joined by {@code &&}. A key the application does
 * not carry never matches; a condition in any other form matches nothing (it is never guessed).
 */
public final class Conditions {

    private Conditions() {
    }

    public static boolean matches(String condition, Map<String, String> facts) {
        if (condition == null || condition.isBlank() || condition.strip().equals("true")) {
            return true;
        }
        for (String clause : condition.split("&&")) {
            String[] sides = clause.split("==");
            if (sides.length != 2) {
                return false;
            }
            String key = sides[0].strip();
            String value = unquote(sides[1].strip());
            if (!value.equals(facts.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
