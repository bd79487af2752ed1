package org.kerege.requirements.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Test fixture: the catalog shipped in src/main/resources/catalog, loaded and published once. Tests use it
 * only to run the evaluator; expected values are always written by hand in the tests.
 */
final class ShippedCatalog {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final CatalogVersion VERSION = CatalogPublisher.standard()
            .publish(new CatalogLoader().loadShipped(), null, Instant.parse("2025-06-01T00:00:00Z"));

    private ShippedCatalog() {
    }

    static ServiceEntry entry(String code, LocalDate on) {
        EntryLookup lookup = VERSION.lookup(code, on);
        if (!lookup.inForce()) {
            throw new AssertionError(code + " not in force on " + on + ": " + lookup.status());
        }
        return lookup.entry();
    }

    /** The English checklist of {@code code} today for the given raw facts. */
    static Checklist checklist(String code, Map<String, ?> facts) {
        return checklist(code, TODAY, facts, "en");
    }

    static Checklist checklist(String code, LocalDate on, Map<String, ?> facts, String... languages) {
        return VERSION.evaluator().evaluate(entry(code, on), ApplicantFacts.of(facts), LanguagePreference.of(languages));
    }
}
