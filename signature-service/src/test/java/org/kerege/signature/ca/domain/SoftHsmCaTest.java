package org.kerege.signature.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kerege.signature.Tools;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Pinfl;

/**
 * The CA with its keys inside a SoftHSM token through SunPKCS11. SoftHSM reads {@code SOFTHSM2_CONF}
 * (set by surefire for this module) when the library is first loaded: {@link org.kerege.signature.SoftHsmToken}
 * writes that file and a fresh token directory once per JVM and initialises one token, used by slot list index 0.
 */
class SoftHsmCaTest {

    static final String PIN = org.kerege.signature.SoftHsmToken.PIN;
    static Path conf;

    @BeforeAll
    static void token() {
        Tools.assumeSoftHsm();
        Assumptions.assumeTrue(System.getenv("SOFTHSM2_CONF") != null,
                "SKIPPED: SOFTHSM2_CONF is not set (surefire sets it for this module; run through Maven)");
        conf = org.kerege.signature.SoftHsmToken.ensure();
    }

    @Test
    void ca_keys_are_made_in_the_token_sign_there_and_cannot_be_read_out() throws Exception {
        Instant now = Instant.now();
        Pkcs11CaKeyStorage storage = new Pkcs11CaKeyStorage(Tools.SOFTHSM_LIB.toString(), 0, PIN.toCharArray());
        CertificateAuthority ca = CertificateAuthority.openOrCreate(storage,
                CertificateAuthority.Settings.local("http://localhost:8085"), now, new SecureRandom());

        CaKey issuing = storage.find(CertificateAuthority.ISSUING_ALIAS).orElseThrow();
        assertEquals(storage.provider(), issuing.provider());
        assertNull(issuing.privateKey().getEncoded(), "a sensitive, non-extractable token key has no encoding");

        KeyPair holder = KeyAlgorithm.RSA_2048.generate(null);
        X509Certificate cert = ca.issue(new HolderProfile(ApplicantType.INDIVIDUAL, "Berdaq Ajiniyazov",
                Pinfl.of("31507760180032"), null, null), holder.getPublic(), ca.newSerial(), now);
        cert.verify(ca.issuingCertificate().getPublicKey());
        byte[] crl = new Revocations(ca).crl(List.of(), 1, now, Duration.ofHours(1));
        assertTrue(crl.length > 100);

        // a second open of the same token finds the same CA instead of creating another
        CertificateAuthority again = CertificateAuthority.openOrCreate(storage,
                CertificateAuthority.Settings.local("http://localhost:8085"), now.plusSeconds(60), new SecureRandom());
        assertEquals(ca.rootCertificate(), again.rootCertificate());
        assertEquals(ca.issuingCertificate(), again.issuingCertificate());

        if (Files.isExecutable(Tools.OPENSSL)) {
            Path dir = conf.getParent();
            Path root = TestKeys.write(dir, "hsm-root.pem", TestKeys.pem(ca.rootCertificate()));
            Path issuingPem = TestKeys.write(dir, "hsm-issuing.pem", TestKeys.pem(ca.issuingCertificate()));
            Path leaf = TestKeys.write(dir, "hsm-leaf.pem", TestKeys.pem(cert));
            Tools.Run r = Tools.run(List.of("openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                    issuingPem.toString(), leaf.toString()));
            assertEquals(0, r.exit(), r.output());
        }
    }
}
