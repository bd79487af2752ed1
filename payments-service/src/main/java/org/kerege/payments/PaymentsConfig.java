package org.kerege.payments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of payments-service. */
@ConfigMapping(prefix = "kerege.payments")
public interface PaymentsConfig {

    Invoice invoice();

    BaseAmounts baseAmounts();

    Qr qr();

    Idempotency idempotency();

    Expiry expiry();

    Webhooks webhooks();

    /**
     * The key that seals webhook signing secrets in the database (AES-256-GCM): standard base64 of 32 random bytes
     * ({@code openssl rand -base64 32}), from the environment ({@code KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY}), never
     * committed. No default: the service does not start without it. Keep it, and give every instance the same:
     * stored secrets open only with the key that sealed them.
     */
    String webhookSecretKey();

    /** Signed notifications to subscribed banks and systems. */
    interface Webhooks {
        /** How often due deliveries are sent. */
        @WithDefault("1s")
        String every();

        /** Deliveries claimed per round. */
        @WithDefault("20")
        int batch();

        /** Attempts before a delivery is FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** Back-off after the first failure; doubled after each further one. */
        @WithDefault("PT5S")
        Duration firstRetry();

        /** Longest back-off. */
        @WithDefault("PT1H")
        Duration maxRetry();

        /** Timeout of one HTTP delivery. */
        @WithDefault("PT5S")
        Duration timeout();

        /** Grace period in which the previous secret still signs after a rotation (default). */
        @WithDefault("PT24H")
        Duration rotationGrace();

        /** Plain http to hosts other than localhost (never in production). */
        @WithDefault("false")
        boolean allowHttp();

        /** Turn the delivery job off. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Invoice {
        /** How long an issued invoice stays payable. */
        @WithDefault("P10D")
        Duration expiry();

        /** Attempts to find a free payment code before giving up (a collision is ~1 in 10⁸ per code). */
        @WithDefault("5")
        int codeAttempts();
    }

    interface BaseAmounts {
        /**
         * How long an instance trusts its in-memory copy of the base-amount table before re-reading it. A
         * value added through this instance is seen at once; through another instance, within this time.
         */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    /** The EMV QR payload of invoices. */
    interface Qr {
        /** Globally unique id of the payment scheme in the merchant account template (sub-tag 00). */
        @WithDefault("org.kerege")
        String gui();

        /** Tag of the merchant account template, 26 to 51. */
        @WithDefault("26")
        String accountTag();

        /** Merchant category code (tag 52): 9399 government services. */
        @WithDefault("9399")
        String mcc();

        /** Merchant name (≤ 25) used when a country has none configured. */
        @WithDefault("KEREGE")
        String defaultName();

        /** Merchant city (≤ 15) used when a country has none configured. */
        @WithDefault("CAPITAL")
        String defaultCity();

        /** Merchant name and city per country (ISO 3166-1 alpha-2), printable ASCII. */
        Map<String, Merchant> merchants();

        /** Module size of the PNG, in pixels. */
        @WithDefault("8")
        int pngModulePixels();
    }

    interface Merchant {
        String name();

        String city();
    }

    interface Idempotency {
        /**
         * Whether a bank payment must carry an Idempotency-Key. Always true in production; only the benchmark's
         * second instance turns it off to measure the cost of the key.
         */
        @WithDefault("true")
        boolean required();
    }

    interface Expiry {
        /** How often unpaid invoices past their expiry are marked EXPIRED. */
        @WithDefault("30s")
        String every();

        /** Invoices expired per transaction. */
        @WithDefault("200")
        int batch();

        /** Turn the scheduled job off (the test profile runs it by hand). */
        @WithDefault("true")
        boolean enabled();
    }
}
