package org.kerege.payments.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kerege.payments.webhook.domain.SecretSealer.UnsealException;

class SecretSealerTest {

    /** Bytes 0x00..0x1f. */
    static final byte[] KEY = IntStream.range(0, 32).collect(() -> new byte[32], (a, i) -> a[i] = (byte) i, (a, b) -> { });
    /** Bytes 0x20..0x3f. */
    static final byte[] OTHER_KEY = IntStream.range(0, 32).collect(() -> new byte[32], (a, i) -> a[i] = (byte) (i + 32),
            (a, b) -> { });
    static final String SECRET = "whsec_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    final SecretSealer sealer = new SecretSealer(KEY, new SecureRandom());

    static String payloadOf(String sealed) {
        return sealed.substring(sealed.lastIndexOf(':') + 1);
    }

    static String withPayload(String sealed, byte[] payload) {
        return sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(payload);
    }

    @Nested
    class Sealing {

        @Test
        void round_trips_ascii_unicode_and_empty_secrets() {
            for (String s : new String[] {SECRET, "", "x", "секрет-банка ᠮᠣᠩᠭᠣᠯ 🔑", "v1:looks:sealed-but-is-plaintext"}) {
                assertEquals(s, sealer.open(sealer.seal(s)), s);
            }
        }

        @Test
        void the_stored_form_is_v1_key_id_and_base64_of_iv_ciphertext_and_tag() {
            String sealed = sealer.seal(SECRET);
            // SHA-256 of bytes 0x00..0x1f starts 630dcd29 (sha256sum); 12 IV + 70 ciphertext + 16 tag bytes.
            assertTrue(sealed.startsWith("v1:630dcd29:"), sealed);
            assertEquals(12 + SECRET.length() + 16, Base64.getDecoder().decode(payloadOf(sealed)).length);
            assertFalse(sealed.contains(SECRET));
            assertFalse(sealed.contains("whsec_"));
        }

        @Test
        void the_key_id_is_the_start_of_the_keys_sha256() {
            // sha256sum of 32 zero bytes: 66687aadf862bd77…
            assertEquals("66687aad", SecretSealer.keyId(new byte[32]));
            assertEquals("630dcd29", sealer.keyId());
            assertEquals("630dcd29", SecretSealer.keyIdOf(sealer.seal(SECRET)));
            assertNull(SecretSealer.keyIdOf(SECRET));
        }

        @Test
        void the_same_secret_gets_a_new_iv_each_time() {
            Set<String> ivs = new HashSet<>();
            Set<String> values = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                String sealed = sealer.seal(SECRET);
                values.add(sealed);
                ivs.add(Base64.getEncoder().encodeToString(
                        java.util.Arrays.copyOf(Base64.getDecoder().decode(payloadOf(sealed)), 12)));
                assertEquals(SECRET, sealer.open(sealed));
            }
            assertEquals(50, values.size());
            assertEquals(50, ivs.size());
        }

        @Test
        void opens_a_value_sealed_by_an_independent_implementation() {
            // Python's cryptography 48 (AESGCM), key 0x00..0x1f, IV 0x64..0x6f, AAD "v1:630dcd29",
            // plaintext "whsec_known_answer".
            assertEquals("whsec_known_answer",
                    sealer.open("v1:630dcd29:ZGVmZ2hpamtsbW5vP3OtAxq2PfBRFTG3uwsZiiewlsYK/RY2KWAueBcl+kRsWw=="));
        }

        @Test
        void a_sealer_built_from_the_base64_key_opens_what_another_one_sealed() {
            SecretSealer same = SecretSealer.fromBase64(" " + Base64.getEncoder().encodeToString(KEY) + "\n");
            assertEquals(sealer.keyId(), same.keyId());
            assertEquals(SECRET, same.open(sealer.seal(SECRET)));
        }
    }

    @Nested
    class Legacy_plaintext {

        @Test
        void passes_through_unchanged() {
            assertEquals(SECRET, sealer.open(SECRET));
            assertEquals("whsec_test_0123456789abcdef0123456789abcdef", sealer.open("whsec_test_0123456789abcdef0123456789abcdef"));
            assertEquals("V1:not-our-prefix", sealer.open("V1:not-our-prefix"));
            assertNull(sealer.open(null));
            assertFalse(SecretSealer.isSealed(SECRET));
            assertFalse(SecretSealer.isSealed(null));
            assertTrue(SecretSealer.isSealed(sealer.seal(SECRET)));
        }
    }

    @Nested
    class Refuses {

        @Test
        void a_value_sealed_under_another_key_naming_both_keys() {
            SecretSealer other = new SecretSealer(OTHER_KEY, new SecureRandom());
            String sealed = other.seal(SECRET);
            UnsealException e = assertThrows(UnsealException.class, () -> sealer.open(sealed));
            assertEquals("webhook secret sealed with key " + other.keyId() + ", this instance has key 630dcd29: configure"
                    + " the key that sealed it (kerege.payments.webhook-secret-key)", e.getMessage());
            assertNotEquals("630dcd29", other.keyId());
        }

        @Test
        void a_value_whose_key_id_was_rewritten_to_this_key() {
            SecretSealer other = new SecretSealer(OTHER_KEY, new SecureRandom());
            String forged = other.seal(SECRET).replace(other.keyId(), sealer.keyId());
            UnsealException e = assertThrows(UnsealException.class, () -> sealer.open(forged));
            assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
        }

        @Test
        void any_flipped_bit_of_iv_ciphertext_or_tag() {
            String sealed = sealer.seal(SECRET);
            byte[] payload = Base64.getDecoder().decode(payloadOf(sealed));
            for (int i = 0; i < payload.length; i++) {
                byte[] tampered = payload.clone();
                tampered[i] ^= 0x01;
                String value = withPayload(sealed, tampered);
                UnsealException e = assertThrows(UnsealException.class, () -> sealer.open(value), "byte " + i);
                assertEquals("webhook secret sealed with key 630dcd29 does not authenticate: the stored value was altered"
                        + " or damaged", e.getMessage());
            }
        }

        @Test
        void a_truncated_or_extended_value() {
            String sealed = sealer.seal(SECRET);
            byte[] payload = Base64.getDecoder().decode(payloadOf(sealed));
            assertThrows(UnsealException.class, () -> sealer.open(withPayload(sealed,
                    java.util.Arrays.copyOf(payload, payload.length - 1))));
            assertThrows(UnsealException.class, () -> sealer.open(withPayload(sealed,
                    java.util.Arrays.copyOf(payload, payload.length + 1))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"v1:", "v1:630dcd29", "v1:630dcd29:", "v1::AAAA", "v1:630DCD29:AAAA", "v1:630dcd2:AAAA",
                "v1:630dcd29x:AAAA", "v1:630dcd29:AAAA:BBBB", "v1:zzzzzzzz:AAAA"})
        void a_malformed_value_saying_it_is_malformed(String value) {
            UnsealException e = assertThrows(UnsealException.class, () -> sealer.open(value));
            assertTrue(e.getMessage().startsWith("malformed sealed webhook secret: "), e.getMessage());
        }

        @Test
        void a_payload_that_is_not_base64_or_too_short() {
            assertEquals("malformed sealed webhook secret: the part after the key id is not base64",
                    assertThrows(UnsealException.class, () -> sealer.open("v1:630dcd29:not base64!")).getMessage());
            assertEquals("malformed sealed webhook secret: 27 bytes, shorter than an IV and a tag (28)",
                    assertThrows(UnsealException.class, () -> sealer.open(withPayload("v1:630dcd29:x", new byte[27])))
                            .getMessage());
            // exactly IV + tag: an empty plaintext's length, but a wrong tag
            assertThrows(UnsealException.class, () -> sealer.open(withPayload("v1:630dcd29:x", new byte[28])));
        }

        @Test
        void messages_never_hold_the_stored_value() {
            String sealed = sealer.seal(SECRET);
            String other = new SecretSealer(OTHER_KEY, new SecureRandom()).seal(SECRET);
            for (String value : new String[] {other, sealed.substring(0, sealed.length() - 4) + "AAAA", "v1:630dcd29:" + SECRET}) {
                String message = assertThrows(UnsealException.class, () -> sealer.open(value)).getMessage();
                assertFalse(message.contains(payloadOf(value)), message);
                assertFalse(message.contains(SECRET), message);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "not base64!", "AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ=="})
        void a_key_that_is_empty_not_base64_or_not_32_bytes(String key) {
            assertThrows(IllegalArgumentException.class, () -> SecretSealer.fromBase64(key));
        }

        @Test
        void key_errors_say_what_is_wrong() {
            assertEquals("the key is empty", assertThrows(IllegalArgumentException.class, () -> SecretSealer.fromBase64(null))
                    .getMessage());
            assertEquals("the key must be 32 bytes (AES-256), not 16", assertThrows(IllegalArgumentException.class,
                    () -> SecretSealer.fromBase64("AAECAwQFBgcICQoLDA0ODw==")).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretSealer.fromBase64("not base64!"))
                    .getMessage().equals("the key is not standard base64"));
        }
    }
}
