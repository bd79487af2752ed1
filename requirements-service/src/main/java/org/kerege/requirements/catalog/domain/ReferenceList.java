package org.kerege.requirements.catalog.domain;

import java.util.List;

/**
 * A named list of values kept as reference data and used in conditions as {@code @name}, e.g.
 * {@code citizenship in @kg.bordering-states}.
 *
 * @param name        the reference, e.g. {@code kg.bordering-states}
 * @param values      the values (country codes for country facts)
 * @param description what the list is and where it comes from
 */
public record ReferenceList(String name, List<String> values, LocalizedText description) {

    public ReferenceList {
        values = values == null ? List.of() : List.copyOf(values);
        description = description == null ? LocalizedText.EMPTY : description;
    }
}
