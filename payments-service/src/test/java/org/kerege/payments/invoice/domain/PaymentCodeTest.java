package org.kerege.payments.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentCodeTest {

    static final Random RANDOM = new Random(42);

    @Test
    void the_alphabet_has_no_confusable_characters() {
        assertEquals(31, PaymentCode.ALPHABET.length());
        for (char c : "0O1IL".toCharArray()) {
            assertEquals(-1, PaymentCode.ALPHABET.indexOf(c), "contains " + c);
        }
        assertEquals(31, PaymentCode.ALPHABET.chars().distinct().count());
    }

    @Test
    void generated_codes_have_nine_characters_of_the_alphabet_and_a_valid_check_character() {
        for (int i = 0; i < 10_000; i++) {
            String code = PaymentCode.generate(RANDOM);
            assertEquals(9, code.length());
            assertTrue(code.chars().allMatch(c -> PaymentCode.ALPHABET.indexOf(c) >= 0), code);
            assertTrue(PaymentCode.isValid(code), code);
        }
    }

    @Test
    void a_known_code_has_its_hand_computed_check_character() {
        // data 22222222: values 0 → sum 0 → check value 0 → '2'
        assertEquals('2', PaymentCode.checkCharacter("22222222"));
        // data 22222223: last data char '3' (value 1) has weight 3 → sum 3 → check value 31-3 = 28 → 'X'
        assertEquals('X', PaymentCode.checkCharacter("22222223"));
        assertTrue(PaymentCode.isValid("22222223X"));
    }

    @Test
    void every_single_substitution_is_detected() {
        for (int n = 0; n < 300; n++) {
            String code = PaymentCode.generate(RANDOM);
            for (int i = 0; i < code.length(); i++) {
                for (char c : PaymentCode.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertFalse(PaymentCode.isValid(typo), code + " → " + typo);
                    }
                }
            }
        }
    }

    @Test
    void every_transposition_of_two_different_characters_is_detected() {
        for (int n = 0; n < 2000; n++) {
            String code = PaymentCode.generate(RANDOM);
            for (int i = 0; i < code.length(); i++) {
                for (int j = i + 1; j < code.length(); j++) {
                    if (code.charAt(i) != code.charAt(j)) {
                        char[] swapped = code.toCharArray();
                        swapped[i] = code.charAt(j);
                        swapped[j] = code.charAt(i);
                        assertFalse(PaymentCode.isValid(new String(swapped)), code + " swap " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void input_is_read_leniently_but_confusables_are_invalid() {
        String code = PaymentCode.generate(RANDOM);
        assertTrue(PaymentCode.isValid(code.toLowerCase()));
        assertTrue(PaymentCode.isValid(code.substring(0, 4) + "-" + code.substring(4, 7) + " " + code.substring(7)));
        assertFalse(PaymentCode.isValid(code.substring(0, 8)));
        assertFalse(PaymentCode.isValid("0" + code.substring(1)));
        assertFalse(PaymentCode.isValid(null));
    }

    @Test
    void codes_are_spread_over_the_space() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(PaymentCode.generate());
        }
        assertTrue(seen.size() > 99_990, "collisions: " + (100_000 - seen.size()));
    }
}
