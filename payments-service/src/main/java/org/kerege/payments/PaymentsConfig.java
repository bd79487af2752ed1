package org.kerege.payments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of payments-service. */
@ConfigMapping(prefix = "kerege.payments")
public interface PaymentsConfig {

    Invoice invoice();

    BaseAmounts baseAmounts();

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
}
