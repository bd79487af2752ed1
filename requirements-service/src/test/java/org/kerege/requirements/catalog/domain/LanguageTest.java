package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    private final LocalizedText kyrgyzSource = LocalizedText.of("ky", "Паспорт", "ru", "Паспорт (ru)", "en", "Passport");
    private final LocalizedText noRussian = LocalizedText.of("mn", "Гадаад паспорт", "en", "Passport");

    @Nested
    class Fallback {

        @Test
        void picks_the_first_requested_language_available() {
            assertEquals(new LocalizedText.ResolvedText("Паспорт", "ky"), kyrgyzSource.resolve(List.of("kk", "ky"), "ky"));
        }

        @Test
        void falls_back_to_russian_before_english() {
            assertEquals("ru", kyrgyzSource.resolve(List.of("kk"), "ky").language());
        }

        @Test
        void falls_back_to_english_when_no_russian() {
            assertEquals("en", noRussian.resolve(List.of("kk"), "mn").language());
        }

        @Test
        void falls_back_to_the_source_language_last() {
            LocalizedText sourceOnly = LocalizedText.of("kaa", "ENQ");
            assertEquals(new LocalizedText.ResolvedText("ENQ", "kaa"), sourceOnly.resolve(List.of("ru"), "kaa"));
        }

        @Test
        void without_any_request_uses_russian() {
            assertEquals("ru", kyrgyzSource.resolve(List.of(), "ky").language());
        }

        @Test
        void empty_text_resolves_to_none() {
            assertEquals(LocalizedText.ResolvedText.NONE, LocalizedText.EMPTY.resolve(List.of("en"), "ky"));
        }

        @Test
        void blank_translations_are_dropped() {
            assertEquals("en", LocalizedText.of("ky", "  ", "en", "Passport").resolve(List.of("ky"), "ky").language());
        }
    }

    @Nested
    class AcceptLanguage {

        @Test
        void orders_by_weight_and_drops_regions() {
            assertEquals(List.of("ky", "ru", "en"),
                    LanguagePreference.fromAcceptLanguage("en;q=0.5, ky-KG, ru;q=0.8").languages());
        }

        @Test
        void keeps_karakalpak_three_letter_code() {
            assertEquals(List.of("kaa", "ru"), LanguagePreference.fromAcceptLanguage("kaa, ru;q=0.9").languages());
        }

        @Test
        void maps_iso_639_2_aliases() {
            assertEquals(List.of("kk", "mn"), LanguagePreference.fromAcceptLanguage("kaz, mon;q=0.5").languages());
        }

        @Test
        void skips_unsupported_languages_wildcards_and_zero_weights() {
            assertEquals(List.of("mn"), LanguagePreference.fromAcceptLanguage("de, *, en;q=0, mn;q=0.3").languages());
        }

        @Test
        void malformed_or_missing_header_means_no_preference() {
            assertEquals(List.of(), LanguagePreference.fromAcceptLanguage("??;q=abc").languages());
            assertEquals(List.of(), LanguagePreference.fromAcceptLanguage(null).languages());
        }
    }
}
