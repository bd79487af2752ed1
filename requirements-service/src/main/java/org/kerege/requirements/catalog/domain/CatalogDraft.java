package org.kerege.requirements.catalog.domain;

import java.util.List;

/**
 * A catalog as read from the data files, not yet validated.
 *
 * @param version        the version number the data declares (index.json)
 * @param entries        every rule set
 * @param referenceLists reference data used by conditions ({@code @name})
 */
public record CatalogDraft(int version, List<ServiceEntry> entries, ReferenceLists referenceLists) {

    public CatalogDraft {
        entries = entries == null ? List.of() : List.copyOf(entries);
        referenceLists = referenceLists == null ? ReferenceLists.NONE : referenceLists;
    }
}
