package org.kerege.requirements.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference lists of one catalog version, by name. */
public record ReferenceLists(Map<String, ReferenceList> byName) {

    public static final ReferenceLists NONE = new ReferenceLists(Map.of());

    public ReferenceLists {
        byName = byName == null ? Map.of() : Map.copyOf(byName);
    }

    public static ReferenceLists of(List<ReferenceList> lists) {
        Map<String, ReferenceList> map = new LinkedHashMap<>();
        lists.forEach(l -> map.put(l.name(), l));
        return new ReferenceLists(map);
    }

    public Optional<ReferenceList> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
