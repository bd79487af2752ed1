package org.kerege.payments.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void hmac_sha256_matches_rfc_4231_test_case_2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void the_signed_text_is_t_dot_body() {
        assertEquals(WebhookSignature.hmacHex("s3cret", "1763700000.{\"a\":1}"),
                WebhookSignature.sign("s3cret", 1763700000L, "{\"a\":1}"));
    }

    @Test
    void the_header_has_t_and_one_v1_per_secret_and_either_secret_verifies() {
        String body = "{\"id\":\"x\"}";
        String header = WebhookSignature.header(List.of("new-secret", "old-secret"), 1763700000L, body);
        assertTrue(header.matches("t=1763700000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), header);
        assertTrue(WebhookSignature.verify(header, body, "new-secret", 1763700010L, 300));
        assertTrue(WebhookSignature.verify(header, body, "old-secret", 1763700010L, 300));
        assertFalse(WebhookSignature.verify(header, body, "other", 1763700010L, 300));
        assertFalse(WebhookSignature.verify(header, body + " ", "new-secret", 1763700010L, 300));
        assertFalse(WebhookSignature.verify(header, body, "new-secret", 1763700000L + 301, 300), "too old: a replay");
    }

    @Test
    void back_off_doubles_from_the_first_retry_up_to_the_cap() {
        Duration first = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(5), Backoff.after(1, first, max));
        assertEquals(Duration.ofSeconds(10), Backoff.after(2, first, max));
        assertEquals(Duration.ofSeconds(20), Backoff.after(3, first, max));
        assertEquals(Duration.ofSeconds(640), Backoff.after(8, first, max));
        assertEquals(Duration.ofHours(1), Backoff.after(12, first, max));
        assertEquals(Duration.ofHours(1), Backoff.after(1000, first, max));
        assertThrows(IllegalArgumentException.class, () -> Backoff.after(0, first, max));
    }
}
