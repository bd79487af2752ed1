package org.kerege.requirements.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages a caller asked for, best first, reduced to the languages the catalog is written in.
 * Built from an HTTP {@code Accept-Language} header or an explicit list.
 */
public record LanguagePreference(List<String> languages) {

    /** Languages the catalog may contain: Kyrgyz, Kazakh, Mongolian, Karakalpak, Russian, English. */
    public static final Set<String> SUPPORTED = Set.of("ky", "kk", "mn", "kaa", "ru", "en");

    /** ISO 639-2/3 codes and old tags that mean a supported language. */
    private static final Map<String, String> ALIASES = Map.of(
            "kir", "ky", "kaz", "kk", "mon", "mn", "khk", "mn", "rus", "ru", "eng", "en");

    public static final LanguagePreference NONE = new LanguagePreference(List.of());

    public LanguagePreference {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public static LanguagePreference of(String... languages) {
        return new LanguagePreference(normalise(List.of(languages)));
    }

    /**
     * Parses an {@code Accept-Language} header such as {@code "ky-KG, ru;q=0.8, en;q=0.5"}. Weights order
     * the list, {@code q=0} and {@code *} are ignored, region subtags are dropped, unsupported languages
     * are skipped. A malformed or absent header gives {@link #NONE} (the fallback order still applies).
     */
    /**
     * Headers already parsed: browsers and apps send few distinct Accept-Language values, and parsing one costs
     * more than the rest of a cached checklist answer. Bounded; past the bound headers are parsed every time.
     */
    private static final Map<String, LanguagePreference> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1_000;

    public static LanguagePreference fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        LanguagePreference known = PARSED.get(header);
        if (known != null) {
            return known;
        }
        LanguagePreference parsed = parse(header);
        if (PARSED.size() < MAX_PARSED) {
            PARSED.putIfAbsent(header, parsed);
        }
        return parsed;
    }

    private static LanguagePreference parse(String header) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = new ArrayList<>(Locale.LanguageRange.parse(header));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        List<String> tags = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                tags.add(range.getRange());
            }
        }
        return new LanguagePreference(normalise(tags));
    }

    private static List<String> normalise(List<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            String primary = tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
            primary = ALIASES.getOrDefault(primary, primary);
            if (SUPPORTED.contains(primary)) {
                out.add(primary);
            }
        }
        return List.copyOf(out);
    }
}
