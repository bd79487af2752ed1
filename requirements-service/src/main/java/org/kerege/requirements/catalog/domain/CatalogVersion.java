package org.kerege.requirements.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A published, validated catalog: numbered, immutable. Obtain one from {@link CatalogPublisher}; the
 * constructor is package-private so that no unvalidated catalog can exist outside this package.
 */
public final class CatalogVersion {

    private static final Comparator<ServiceEntry> BY_START = Comparator.comparing(
            ServiceEntry::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int number;
    private final Instant publishedAt;
    private final Map<String, List<ServiceEntry>> byCode;
    private final ReferenceLists referenceLists;

    CatalogVersion(int number, Instant publishedAt, List<ServiceEntry> entries, ReferenceLists referenceLists) {
        this.number = number;
        this.publishedAt = publishedAt;
        this.referenceLists = referenceLists;
        Map<String, List<ServiceEntry>> map = new LinkedHashMap<>();
        for (ServiceEntry e : entries) {
            map.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
        }
        map.replaceAll((code, list) -> list.stream().sorted(BY_START).toList());
        this.byCode = Map.copyOf(map);
    }

    /**
     * A version read back from storage. It was validated by {@link CatalogPublisher} when it was
     * published; restoring does not validate again, so a later stricter validator cannot make a
     * published version unreadable.
     */
    public static CatalogVersion restore(int number, Instant publishedAt, CatalogDraft stored) {
        return new CatalogVersion(number, publishedAt, stored.entries(), stored.referenceLists());
    }

    public int number() {
        return number;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public ReferenceLists referenceLists() {
        return referenceLists;
    }

    public Set<String> codes() {
        return new java.util.TreeSet<>(byCode.keySet());
    }

    /** Every rule set of a code, oldest first (empty for an unknown code). */
    public List<ServiceEntry> history(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** All rule sets of all codes. */
    public List<ServiceEntry> entries() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    /** The rule set of {@code code} in force on {@code date}, or why there is none. */
    public EntryLookup lookup(String code, LocalDate date) {
        List<ServiceEntry> sets = history(code);
        if (sets.isEmpty()) {
            return new EntryLookup(code, date, EntryLookup.Status.UNKNOWN_CODE, null, null);
        }
        ServiceEntry lastEnded = null;
        for (ServiceEntry e : sets) {
            if (e.inForceOn(date)) {
                return new EntryLookup(code, date, EntryLookup.Status.IN_FORCE, e, null);
            }
            if (e.effectiveTo() != null && !date.isBefore(e.effectiveTo())) {
                lastEnded = e;
            }
        }
        if (lastEnded != null) {
            return new EntryLookup(code, date, EntryLookup.Status.NO_LONGER_IN_FORCE, lastEnded,
                    lastEnded.effectiveTo());
        }
        ServiceEntry first = sets.get(0);
        return new EntryLookup(code, date, EntryLookup.Status.NOT_YET_IN_FORCE, first, first.effectiveFrom());
    }

    /** An evaluator bound to this version's reference lists. */
    public ChecklistEvaluator evaluator() {
        return new ChecklistEvaluator(referenceLists);
    }
}
