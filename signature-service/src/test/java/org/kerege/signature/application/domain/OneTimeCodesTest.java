package org.kerege.signature.application.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    final OneTimeCodes codes = new OneTimeCodes(OneTimeCodes.Policy.DEFAULT, "pepper".getBytes(StandardCharsets.UTF_8),
            new SecureRandom());

    @Nested
    class Issuing {
        @Test
        void a_code_is_six_digits_and_only_its_salted_hash_is_kept() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            assertTrue(issued.code().matches("[0-9]{6}"));
            OneTimeCodes.State s = issued.state();
            assertEquals(32, s.hash().length);
            assertEquals(16, s.salt().length);
            assertEquals(T0.plus(Duration.ofMinutes(5)), s.expiresAt());
            assertFalse(issued.toString().contains(issued.code()));
        }

        @Test
        void the_same_code_hashes_differently_under_another_salt() {
            OneTimeCodes.Issued a = codes.issue("phone", "app-1", null, T0);
            byte[] otherSalt = new byte[16];
            assertNotEquals(HexFormat.of().formatHex(a.state().hash()),
                    HexFormat.of().formatHex(codes.hash(otherSalt, "phone", "app-1", a.code())));
            assertArrayEquals(a.state().hash(), codes.hash(a.state().salt(), "phone", "app-1", a.code()));
        }

        @Test
        void a_second_code_within_a_minute_is_refused() {
            OneTimeCodes.Issued first = codes.issue("phone", "app-1", null, T0);
            OneTimeCodes.RateLimitedException e = assertThrows(OneTimeCodes.RateLimitedException.class,
                    () -> codes.issue("phone", "app-1", first.state(), T0.plusSeconds(59)));
            assertEquals(Duration.ofSeconds(1), e.retryAfter());
            codes.issue("phone", "app-1", first.state(), T0.plusSeconds(60));
        }

        @Test
        void the_sixth_code_in_an_hour_is_refused_and_the_window_then_resets() {
            OneTimeCodes.State s = null;
            for (int i = 0; i < 5; i++) {
                s = codes.issue("phone", "app-1", s, T0.plus(Duration.ofMinutes(2L * i))).state();
            }
            OneTimeCodes.State five = s;
            assertThrows(OneTimeCodes.RateLimitedException.class,
                    () -> codes.issue("phone", "app-1", five, T0.plus(Duration.ofMinutes(30))));
            OneTimeCodes.State fresh = codes.issue("phone", "app-1", five, T0.plus(Duration.ofMinutes(60))).state();
            assertEquals(1, fresh.sendsInWindow());
        }
    }

    @Nested
    class Verifying {
        @Test
        void the_right_code_is_accepted_once() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            OneTimeCodes.Verification v = codes.verify("phone", "app-1", issued.state(), issued.code(), T0.plusSeconds(30));
            assertEquals(OneTimeCodes.Outcome.ACCEPTED, v.outcome());
            assertEquals(OneTimeCodes.Outcome.ALREADY_USED,
                    codes.verify("phone", "app-1", v.state(), issued.code(), T0.plusSeconds(31)).outcome());
        }

        @Test
        void a_code_for_another_subject_or_purpose_is_wrong() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            assertEquals(OneTimeCodes.Outcome.WRONG, codes.verify("phone", "app-2", issued.state(), issued.code(), T0).outcome());
            assertEquals(OneTimeCodes.Outcome.WRONG, codes.verify("revoke", "app-1", issued.state(), issued.code(), T0).outcome());
        }

        @Test
        void five_wrong_codes_lock_it_even_for_the_right_one() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            String wrong = issued.code().equals("000000") ? "111111" : "000000";
            OneTimeCodes.State s = issued.state();
            for (int i = 1; i <= 4; i++) {
                OneTimeCodes.Verification v = codes.verify("phone", "app-1", s, wrong, T0);
                assertEquals(OneTimeCodes.Outcome.WRONG, v.outcome());
                assertEquals(5 - i, v.attemptsLeft());
                s = v.state();
            }
            OneTimeCodes.Verification fifth = codes.verify("phone", "app-1", s, wrong, T0);
            assertEquals(OneTimeCodes.Outcome.LOCKED, fifth.outcome());
            assertEquals(OneTimeCodes.Outcome.LOCKED, codes.verify("phone", "app-1", fifth.state(), issued.code(), T0).outcome());
        }

        @Test
        void a_code_expires_after_five_minutes() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            assertEquals(OneTimeCodes.Outcome.ACCEPTED, codes.verify("phone", "app-1", issued.state(), issued.code(),
                    T0.plus(Duration.ofMinutes(5)).minusMillis(1)).outcome());
            assertEquals(OneTimeCodes.Outcome.EXPIRED, codes.verify("phone", "app-1", issued.state(), issued.code(),
                    T0.plus(Duration.ofMinutes(5))).outcome());
        }

        @Test
        void no_stored_code_means_no_code() {
            assertEquals(OneTimeCodes.Outcome.NO_CODE, codes.verify("phone", "app-1", null, "123456", T0).outcome());
        }

        @Test
        void non_digits_are_simply_wrong() {
            OneTimeCodes.Issued issued = codes.issue("phone", "app-1", null, T0);
            assertEquals(OneTimeCodes.Outcome.WRONG, codes.verify("phone", "app-1", issued.state(), "12ab56", T0).outcome());
        }
    }
}
