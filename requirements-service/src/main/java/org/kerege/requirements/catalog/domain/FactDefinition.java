package org.kerege.requirements.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * One fact an applicant may state about their situation, and which conditions in the catalog may test.
 *
 * @param name          the JSON field name in a checklist request, e.g. {@code lostDocument}
 * @param type          the value type
 * @param min           smallest allowed value, INTEGER only
 * @param max           largest allowed value, INTEGER only
 * @param allowedValues the allowed values, ENUM only
 * @param description   what the fact means (English; documentation for API callers)
 */
public record FactDefinition(String name, FactType type, Integer min, Integer max, List<String> allowedValues,
                             String description) {

    public FactDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        description = description == null ? "" : description;
    }

    public static FactDefinition bool(String name, String description) {
        return new FactDefinition(name, FactType.BOOLEAN, null, null, List.of(), description);
    }

    public static FactDefinition integer(String name, int min, int max, String description) {
        return new FactDefinition(name, FactType.INTEGER, min, max, List.of(), description);
    }

    public static FactDefinition oneOf(String name, List<String> values, String description) {
        return new FactDefinition(name, FactType.ENUM, null, null, values, description);
    }

    public static FactDefinition country(String name, String description) {
        return new FactDefinition(name, FactType.COUNTRY, null, null, List.of(), description);
    }

    public static FactDefinition date(String name, String description) {
        return new FactDefinition(name, FactType.DATE, null, null, List.of(), description);
    }
}
