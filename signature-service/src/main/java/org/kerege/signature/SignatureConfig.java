package org.kerege.signature;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.kerege.signature.ca.domain.KeyAlgorithm;

/** Settings of signature-service ({@code kerege.signature.*}). Secrets come only from the environment or files. */
@ConfigMapping(prefix = "kerege.signature")
public interface SignatureConfig {

    /** The public base URL of this service: written into certificates as CRL and OCSP addresses. */
    @WithDefault("http://localhost:8085")
    String publicUrl();

    /** payments-service, asked over REST for the fee invoice ({@code POST {url}/v1/invoices}). */
    @WithDefault("http://localhost:8083")
    String paymentsUrl();

    /** Bearer token (role service) for payments-service; or {@link #paymentsTokenFile()}. */
    Optional<String> paymentsToken();

    /** A file holding the bearer token for payments-service (re-read on every call, so it can be rotated). */
    Optional<Path> paymentsTokenFile();

    /** Timeout of calls to payments-service. */
    @WithDefault("10s")
    Duration paymentsTimeout();

    Ca ca();

    Sms sms();

    Codes codes();

    Revocation revocation();

    Reminders reminders();

    /** The expiry-reminder job (certificate-expiring at 30, 14, 7 days). */
    interface Reminders {
        /** How often the job looks for certificates that end soon. */
        @WithDefault("1h")
        String every();

        /** Delay of the first run after start. */
        @WithDefault("30s")
        String delay();
    }

    interface Ca {
        /** {@code keystore} (an encrypted PKCS#12 file) or {@code pkcs11} (an HSM; SoftHSM locally). */
        @WithDefault("keystore")
        String mode();

        /** keystore mode: the PKCS#12 file; created with both CA keys at first start when missing. */
        @WithDefault("signature/ca.p12")
        Path keystore();

        /** keystore mode: its password (environment {@code KEREGE_SIGNATURE_CA_KEYSTORE_PASSWORD}). */
        Optional<String> keystorePassword();

        /**
         * keystore mode: a file holding the password. When neither this nor {@link #keystorePassword()} is set,
         * a random password is generated at first start into {@code <keystore>.password} (local runs only).
         */
        Optional<Path> keystorePasswordFile();

        /** pkcs11 mode: the PKCS#11 module. */
        @WithDefault("/usr/lib/softhsm/libsofthsm2.so")
        String pkcs11Library();

        /** pkcs11 mode: index in the list of slots that hold a token (slot ids change when tokens are added). */
        @WithDefault("0")
        int pkcs11SlotIndex();

        /** pkcs11 mode: the user PIN (environment {@code KEREGE_SIGNATURE_CA_PKCS11_PIN}), or {@link #pkcs11PinFile()}. */
        Optional<String> pkcs11Pin();

        Optional<Path> pkcs11PinFile();

        /** Key type of CA keys created at first start. */
        @WithDefault("EC_P256")
        KeyAlgorithm keyAlgorithm();

        @WithDefault("CN=Kerege Root CA (local),O=Kerege,C=UZ")
        String rootName();

        @WithDefault("CN=Kerege Issuing CA (local),O=Kerege,C=UZ")
        String issuingName();
    }

    interface Sms {
        /**
         * {@code local}: messages are appended to {@link #localFile()} for a developer to read (local run only);
         * {@code http}: POSTed as JSON to {@link #url()}.
         */
        @WithDefault("local")
        String gateway();

        Optional<URI> url();

        /** Bearer token of the SMS gateway (environment {@code KEREGE_SIGNATURE_SMS_TOKEN}). */
        Optional<String> token();

        @WithDefault("signature/sms-outbox.txt")
        Path localFile();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Codes {
        @WithDefault("PT5M")
        Duration ttl();

        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT60S")
        Duration resendInterval();

        @WithDefault("5")
        int maxSendsPerHour();

        /** A server secret mixed into the code hashes (environment {@code KEREGE_SIGNATURE_CODES_PEPPER}). */
        Optional<String> pepper();
    }

    interface Revocation {
        /** nextUpdate of the CRL = now + this. */
        @WithDefault("PT24H")
        Duration crlValidity();

        /** nextUpdate of OCSP answers = now + this. */
        @WithDefault("PT1H")
        Duration ocspValidity();
    }
}
