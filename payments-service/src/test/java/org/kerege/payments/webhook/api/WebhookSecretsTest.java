package org.kerege.payments.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The configured sealing key: a missing or unusable one stops the start with a message naming the property. */
class WebhookSecretsTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_missing_key_names_the_property_and_how_to_make_one(String key) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WebhookSecrets.sealer(key));
        assertEquals("kerege.payments.webhook-secret-key (environment KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY) is not set:"
                + " payments-service does not start without the key that seals webhook secrets at rest. Set it to base64"
                + " of 32 random bytes (openssl rand -base64 32) and keep it: stored secrets open only with the key that"
                + " sealed them.", e.getMessage());
    }

    @Test
    void the_placeholder_of_the_deployment_templates_is_refused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WebhookSecrets.sealer("CHANGE-ME"));
        assertEquals("kerege.payments.webhook-secret-key (environment KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY) is not usable:"
                + " the key is not standard base64; expected base64 of 32 random bytes (openssl rand -base64 32).",
                e.getMessage());
    }

    @Test
    void a_key_of_the_wrong_length_is_refused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebhookSecrets.sealer("AAECAwQFBgcICQoLDA0ODw=="));
        assertEquals("kerege.payments.webhook-secret-key (environment KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY) is not usable:"
                + " the key must be 32 bytes (AES-256), not 16; expected base64 of 32 random bytes (openssl rand -base64 32).",
                e.getMessage());
    }

    @Test
    void a_base64_key_of_32_bytes_is_taken() {
        // the test profile's key: base64 of "test-only-webhook-sealing-key-32", SHA-256 a97b3950…
        assertEquals("a97b3950", WebhookSecrets.sealer("dGVzdC1vbmx5LXdlYmhvb2stc2VhbGluZy1rZXktMzI=").keyId());
    }
}
