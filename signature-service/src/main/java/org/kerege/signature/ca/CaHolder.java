package org.kerege.signature.ca;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.Security;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jboss.logging.Logger;
import org.kerege.signature.SignatureConfig;
import org.kerege.signature.ca.domain.CaKeyStorage;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.KeystoreCaKeyStorage;
import org.kerege.signature.ca.domain.Pkcs11CaKeyStorage;
import org.kerege.signature.ca.domain.Revocations;
import org.kerege.signature.ca.domain.SignatureVerifier;

/**
 * Opens the CA at start-up from {@code kerege.signature.ca.*}, creating the root and issuing CA at
 * first start. Creation runs under a PostgreSQL advisory lock, so two instances starting together
 * on one keystore/token do not both create a CA.
 */
@ApplicationScoped
public class CaHolder {

    private static final Logger LOG = Logger.getLogger(CaHolder.class);
    private static final long ADVISORY_LOCK = 0x4b_65_72_65_67_65_43_41L; // "KeregeCA"

    private final SignatureConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile CertificateAuthority ca;
    private volatile Revocations revocations;
    private volatile SignatureVerifier verifier;

    public CaHolder(SignatureConfig config, AgroalDataSource dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        ca();
    }

    public CertificateAuthority ca() {
        CertificateAuthority current = ca;
        if (current == null) {
            synchronized (this) {
                if (ca == null) {
                    open();
                }
                current = ca;
            }
        }
        return current;
    }

    public Revocations revocations() {
        ca();
        return revocations;
    }

    public SignatureVerifier verifier() {
        ca();
        return verifier;
    }

    public SecureRandom random() {
        return random;
    }

    private void open() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        CaKeyStorage storage = storage();
        CertificateAuthority.Settings settings = new CertificateAuthority.Settings(config.publicUrl(),
                config.ca().keyAlgorithm(), config.ca().rootName(), config.ca().issuingName());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + ADVISORY_LOCK + ")");
            try {
                ca = CertificateAuthority.openOrCreate(storage, settings, clock.instant(), random);
            } finally {
                s.execute("select pg_advisory_unlock(" + ADVISORY_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the CA creation lock", e);
        }
        revocations = new Revocations(ca);
        verifier = new SignatureVerifier(ca);
        LOG.infof("CA ready in %s: issuing CA '%s', root '%s'", storage.describe(),
                ca.issuingCertificate().getSubjectX500Principal().getName(),
                ca.rootCertificate().getSubjectX500Principal().getName());
    }

    private CaKeyStorage storage() {
        SignatureConfig.Ca c = config.ca();
        return switch (c.mode()) {
            case "pkcs11" -> new Pkcs11CaKeyStorage(c.pkcs11Library(), c.pkcs11SlotIndex(),
                    secret(c.pkcs11Pin().orElse(null), c.pkcs11PinFile().orElse(null), "kerege.signature.ca.pkcs11-pin"));
            case "keystore" -> new KeystoreCaKeyStorage(c.keystore(), keystorePassword(c));
            default -> throw new IllegalStateException("kerege.signature.ca.mode must be keystore or pkcs11");
        };
    }

    private char[] keystorePassword(SignatureConfig.Ca c) {
        if (c.keystorePassword().isPresent() || c.keystorePasswordFile().isPresent()) {
            return secret(c.keystorePassword().orElse(null), c.keystorePasswordFile().orElse(null), "");
        }
        Path file = Path.of(c.keystore() + ".password");
        try {
            if (!Files.exists(file)) {
                if (Files.exists(c.keystore())) {
                    throw new IllegalStateException("The CA keystore " + c.keystore() + " exists but no password is "
                            + "configured (kerege.signature.ca.keystore-password or -password-file)");
                }
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not POSIX
                }
                LOG.warnf("Generated a local CA keystore password in %s (local run only: configure "
                        + "kerege.signature.ca.keystore-password or pkcs11 mode in production)", file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create " + file, e);
        }
    }

    private static char[] secret(String value, Path file, String name) {
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the secret file " + file, e);
            }
        }
        throw new IllegalStateException(name + " (or its -file variant) is required");
    }
}
