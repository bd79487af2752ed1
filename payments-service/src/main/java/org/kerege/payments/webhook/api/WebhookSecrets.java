package org.kerege.payments.webhook.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.jboss.logging.Logger;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.webhook.domain.SecretSealer;
import org.kerege.payments.webhook.persistence.WebhookStore;

/**
 * The key that seals webhook secrets at rest ({@value #PROPERTY}, base64 of 32 bytes), and the checks at start.
 * The service does not start without the key, with a key that is not 32 bytes of base64, or when stored secrets
 * were sealed with another key (they could not sign). At start it also seals, in one transaction, the plaintext
 * secrets of rows written before sealing existed.
 */
@ApplicationScoped
public class WebhookSecrets {

    /** The configuration key. */
    public static final String PROPERTY = "kerege.payments.webhook-secret-key";
    /** Its environment variable. */
    public static final String ENVIRONMENT = "KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY";

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final WebhookStore store;
    private final SecretSealer sealer;

    public WebhookSecrets(WebhookStore store, SecretSealer sealer) {
        this.store = store;
        this.sealer = sealer;
    }

    @Produces
    @Singleton
    static SecretSealer sealer(PaymentsConfig config) {
        return sealer(config.webhookSecretKey());
    }

    /**
     * @param base64Key the configured value
     * @return the sealer
     * @throws IllegalStateException naming the property and saying how to make a key, if the value is unusable
     */
    public static SecretSealer sealer(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(PROPERTY + " (environment " + ENVIRONMENT + ") is not set: payments-service"
                    + " does not start without the key that seals webhook secrets at rest. Set it to base64 of 32 random"
                    + " bytes (openssl rand -base64 32) and keep it: stored secrets open only with the key that sealed them.");
        }
        try {
            return SecretSealer.fromBase64(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " (environment " + ENVIRONMENT + ") is not usable: " + e.getMessage()
                    + "; expected base64 of 32 random bytes (openssl rand -base64 32).");
        }
    }

    void onStart(@Observes StartupEvent event) {
        checkKeys();
        int sealed = sealLegacySecrets();
        LOG.infof("Webhook secrets are sealed with key %s%s", sealer.keyId(),
                sealed == 0 ? "" : "; sealed " + sealed + " subscription(s) stored in plain text before");
    }

    /** @throws IllegalStateException if stored secrets were sealed with another key, naming both keys */
    public void checkKeys() {
        Map<String, Long> foreign = QuarkusTransaction.requiringNew().call(store::sealedWithOtherKeys);
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("Webhook secrets in the database were sealed with key(s) " + foreign
                    + " (key id=count), this instance has key " + sealer.keyId() + ": set " + PROPERTY + " (environment "
                    + ENVIRONMENT + ") to the key that sealed them. Changing the key is not supported yet.");
        }
    }

    /** @return how many subscriptions still held a plaintext secret and are now sealed (one transaction) */
    public int sealLegacySecrets() {
        return QuarkusTransaction.requiringNew().call(store::sealLegacySecrets);
    }
}
