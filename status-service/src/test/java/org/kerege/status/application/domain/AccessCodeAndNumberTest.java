package org.kerege.status.application.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCodeAndNumberTest {

    @Test
    void an_access_code_is_16_base32_characters_that_is_80_bits() {
        String code = AccessCode.generate(new SecureRandom());
        assertEquals(16, code.length());
        assertTrue(code.matches("[A-Z2-7]{16}"));
        assertEquals(80, code.length() * 5);
    }

    @Test
    void codes_do_not_repeat_in_ten_thousand_draws() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(AccessCode.generate(random)));
        }
    }

    @Test
    void a_typed_code_matches_case_insensitively_with_or_without_dashes_and_a_wrong_one_does_not() {
        byte[] hash = AccessCode.hash("7KQ2M4XD6PLA3BZT");
        assertTrue(AccessCode.matches(hash, "7kq2-m4xd-6pla-3bzt"));
        assertTrue(AccessCode.matches(hash, "7KQ2 M4XD 6PLA 3BZT"));
        assertFalse(AccessCode.matches(hash, "7KQ2M4XD6PLA3BZU"));
        assertFalse(AccessCode.matches(hash, "7KQ2M4XD6PLA3BZ"));
        assertFalse(AccessCode.matches(hash, "0KQ2M4XD6PLA3BZT"));
        assertNull(AccessCode.normalize(null));
        assertEquals("7KQ2-M4XD-6PLA-3BZT", AccessCode.printed("7KQ2M4XD6PLA3BZT"));
    }

    @Test
    void the_stored_hash_is_sha_256_of_the_code() {
        // sha256("AAAAAAAAAAAAAAAA"), computed with: printf AAAAAAAAAAAAAAAA | sha256sum
        assertEquals("991204fba2b6216d476282d375ab88d20e6108d109aecded97ef424ddd114706",
                java.util.HexFormat.of().formatHex(AccessCode.hash("AAAAAAAAAAAAAAAA")));
    }

    @Test
    void numbers_are_country_year_and_six_digits() {
        assertEquals("KG-2026-000123", ApplicationNumber.of("KG", 2026, 123));
        assertEquals("KZ-C-2026-000007", ApplicationNumber.complaint("KZ", 2026, 7));
        assertEquals("KZ", ApplicationNumber.countryOf("kz.refugee.grant"));
        assertEquals("", ApplicationNumber.countryOf("refugee"));
        assertTrue(ApplicationNumber.isWellFormed("MN-2026-000123"));
        assertFalse(ApplicationNumber.isWellFormed("MN-2026-12"));
        assertFalse(ApplicationNumber.isWellFormed("../etc/passwd"));
    }

    @Test
    void catalog_conditions_match_facts_and_never_guess() {
        assertTrue(Conditions.matches(null, Map.of()));
        assertTrue(Conditions.matches("true", Map.of()));
        assertTrue(Conditions.matches("procedure == simplified", Map.of("procedure", "simplified")));
        assertFalse(Conditions.matches("procedure == simplified", Map.of("procedure", "general")));
        assertFalse(Conditions.matches("procedure == simplified", Map.of()));
        assertTrue(Conditions.matches("procedure == 'general' && service == kg.meken-card",
                Map.of("procedure", "general", "service", "kg.meken-card")));
        assertFalse(Conditions.matches("age >= 16", Map.of("age", "20")));
    }
}
