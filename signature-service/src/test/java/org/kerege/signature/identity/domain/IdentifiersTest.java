package org.kerege.signature.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Nested
    class Pinfls {
        @Test
        void fourteen_digits_are_a_pinfl() {
            assertEquals("31507760180032", Pinfl.of(" 31507760180032 ").value());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "3150776018003", "315077601800321", "3150776018003A", "3150776018 032",
                "３１５０７７６０１８００３２", "-1507760180032"})
        void anything_else_is_refused(String text) {
            InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> Pinfl.of(text));
            assertEquals("pinfl", e.field());
        }

        @Test
        void the_refusal_never_repeats_the_value() {
            InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> Pinfl.of("3150776018003X"));
            assertFalse(e.getMessage().contains("3150776018003"));
        }

        @Test
        void to_string_is_masked() {
            assertEquals("Pinfl[**********0032]", Pinfl.of("31507760180032").toString());
        }
    }

    @Nested
    class Tins {
        @Test
        void nine_digits_are_a_tin() {
            assertEquals("301234567", Tin.of("301234567").value());
            assertEquals("*****4567", Tin.of("301234567").masked());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "30123456", "3012345678", "30123456a"})
        void anything_else_is_refused(String text) {
            assertThrows(InvalidIdentifierException.class, () -> Tin.of(text));
        }
    }

    @Nested
    class Masks {
        @Test
        void all_but_the_last_four_are_masked() {
            assertEquals("**********0032", Masking.mask("31507760180032"));
            assertEquals("****", Masking.mask("1234"));
            assertEquals("*5678", Masking.mask("15678"));
            assertEquals(null, Masking.mask(null));
        }
    }

    @Nested
    class Phones {
        @Test
        void uzbek_mobile_numbers_in_any_usual_spelling_become_e164() {
            assertEquals("+998901234567", PhoneNumber.parse("+998 90 123 45 67").e164());
            assertEquals("+998901234567", PhoneNumber.parse("90 123-45-67").e164());
            assertEquals("+998901234567", PhoneNumber.parse("(90) 1234567").e164());
            assertEquals("+998911234567", PhoneNumber.parse("+998911234567").e164());
        }

        @Test
        void foreign_mobiles_keep_their_country() {
            assertEquals("+77011234567", PhoneNumber.parse("+7 701 123 45 67").e164());
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "hello", "+998 12", "+99890123456789", "123"})
        void non_numbers_are_refused(String text) {
            InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> PhoneNumber.parse(text));
            assertEquals("phone", e.field());
        }

        @Test
        void a_fixed_line_cannot_receive_the_sms() {
            // 71 is Tashkent's fixed-line area code
            assertThrows(InvalidIdentifierException.class, () -> PhoneNumber.parse("+998 71 123 45 67"));
        }

        @Test
        void to_string_is_masked() {
            assertEquals("PhoneNumber[*********4567]", PhoneNumber.parse("+998901234567").toString());
        }
    }
}
