package org.kerege.requirements.catalog.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small assertions shared by the per-service scenario tests. */
final class ChecklistAssertions {

    private ChecklistAssertions() {
    }

    /** Exactly these documents are required outright (order-independent), and none is conditional. */
    static void requiresExactly(Checklist c, String... ids) {
        assertEquals(new HashSet<>(Arrays.asList(ids)), new HashSet<>(c.requiredDocumentIds()),
                c.code() + " required documents");
        assertEquals(List.of(), c.conditionalDocumentIds(), c.code() + " conditional documents");
    }

    static Set<String> texts(List<Checklist.Item> items) {
        return items.stream().map(Checklist.Item::text).collect(Collectors.toSet());
    }

    static String failedRule(Checklist c) {
        return c.eligibility().stream().filter(f -> f.outcome() == Checklist.Outcome.NOT_MET)
                .map(Checklist.Finding::ruleId).collect(Collectors.joining(","));
    }
}
