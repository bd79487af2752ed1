package org.kerege.requirements.catalog.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts an applicant stated, already checked by {@link FactsValidator}: every name is a known fact
 * and every value has the fact's Java type ({@link Boolean}, {@link Integer}, {@link String} for ENUM
 * and COUNTRY, {@link java.time.LocalDate}). A fact that is absent is unknown.
 */
public final class ApplicantFacts {

    private static final ApplicantFacts EMPTY = new ApplicantFacts(Map.of());

    private final Map<String, Object> values;
    private final int hash;

    ApplicantFacts(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.hash = spreadHash(this.values);
    }

    public static ApplicantFacts empty() {
        return EMPTY;
    }

    /**
     * Validates raw JSON-like values (as a JSON parser produces them) and returns the facts, or throws
     * {@link InvalidFactsException} listing every problem. Convenient for tests and callers that treat
     * invalid input as exceptional; use {@link FactsValidator#validate(Map)} to get the problems as data.
     */
    public static ApplicantFacts of(Map<String, ?> raw) {
        FactsValidation validation = new FactsValidator(Facts.standard()).validate(raw);
        if (!validation.valid()) {
            throw new InvalidFactsException(validation.errors());
        }
        return validation.facts();
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicantFacts other && values.equals(other.values);
    }

    /**
     * Consistent with {@link #equals} (independent of the order of the facts) but well spread: {@link Map#hashCode}
     * adds {@code key ^ value} per fact, so situations that differ only in small numbers (age 16–95 and 1–5 years
     * of extension) collide by the dozen, and the cache of written checklists degrades into tree bins.
     */
    @Override
    public int hashCode() {
        return hash;
    }

    private static int spreadHash(Map<String, Object> values) {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h += mix(31 * e.getKey().hashCode() + Objects.hashCode(e.getValue()));
        }
        return h;
    }

    /** MurmurHash3's 32-bit finaliser. */
    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x;
    }

    @Override
    public String toString() {
        return "ApplicantFacts" + values;
    }
}
