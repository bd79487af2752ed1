package org.kerege.requirements.catalog.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A text in several languages, keyed by language code ({@code ky, kk, mn, kaa, ru, en}).
 *
 * <p>Fallback order of {@link #resolve(List, String)}: the requested languages in order, then
 * {@code ru}, then {@code en}, then the entry's source language, then any language present.
 */
public record LocalizedText(Map<String, String> texts) {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of());

    public LocalizedText {
        Map<String, String> copy = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((lang, text) -> {
                if (lang != null && text != null && !text.isBlank()) {
                    copy.put(lang.toLowerCase(Locale.ROOT), text.strip());
                }
            });
        }
        texts = Collections.unmodifiableMap(copy);
    }

    /** {@code LocalizedText.of("en", "Passport", "ru", "Паспорт")}. */
    public static LocalizedText of(String... languageTextPairs) {
        if (languageTextPairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected language/text pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < languageTextPairs.length; i += 2) {
            map.put(languageTextPairs[i], languageTextPairs[i + 1]);
        }
        return new LocalizedText(map);
    }

    public boolean has(String language) {
        return texts.containsKey(language);
    }

    public Optional<String> get(String language) {
        return Optional.ofNullable(texts.get(language));
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /**
     * Picks the text for the caller.
     *
     * @param requested      languages in the caller's order of preference (may be empty)
     * @param sourceLanguage the language of the source the text was taken from
     * @return the text and the language it is in; {@link ResolvedText#NONE} when the text is empty
     */
    public ResolvedText resolve(List<String> requested, String sourceLanguage) {
        for (String language : fallbackOrder(requested, sourceLanguage)) {
            String text = texts.get(language);
            if (text != null) {
                return new ResolvedText(text, language);
            }
        }
        return texts.entrySet().stream().findFirst()
                .map(e -> new ResolvedText(e.getValue(), e.getKey()))
                .orElse(ResolvedText.NONE);
    }

    /** Requested languages, then ru, en and the source language, without repeats. */
    public static List<String> fallbackOrder(List<String> requested, String sourceLanguage) {
        LinkedHashSet<String> order = new LinkedHashSet<>(requested == null ? List.of() : requested);
        order.add("ru");
        order.add("en");
        if (sourceLanguage != null) {
            order.add(sourceLanguage);
        }
        return new ArrayList<>(order);
    }

    /** A resolved text and the language it is in. */
    public record ResolvedText(String text, String language) {
        public static final ResolvedText NONE = new ResolvedText("", null);
    }
}
