package org.kerege.bench.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.HolderProfile;
import org.kerege.signature.ca.domain.KeyAlgorithm;
import org.kerege.signature.ca.domain.KeystoreCaKeyStorage;
import org.kerege.signature.ca.domain.PfxWriter;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Pinfl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cryptography of one .pfx issuance and nothing else: key pair generation, the holder certificate
 * signed by the issuing CA (the service's default CA: EC P-256 in an encrypted PKCS#12 keystore), and
 * the PKCS#12 file (PBES2/AES-256, HMAC-SHA256 MAC, 10 000 iterations) — the same classes the service
 * runs, without HTTP, database, transaction or outbox.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceJmh {

    @Param({"RSA_2048", "EC_P256"})
    public String algorithm;

    private CertificateAuthority ca;
    private KeyAlgorithm keyAlgorithm;
    private final HolderProfile holder = new HolderProfile(ApplicantType.INDIVIDUAL, "Bench Holder",
            Pinfl.of("31507760180032"), null, null);

    @Setup
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("kerege-bench-ca");
        ca = CertificateAuthority.openOrCreate(new KeystoreCaKeyStorage(dir.resolve("ca.p12"), "bench-ca-password".toCharArray()),
                CertificateAuthority.Settings.local("http://localhost:8085"), Instant.now(), new SecureRandom());
        keyAlgorithm = KeyAlgorithm.valueOf(algorithm);
    }

    @Benchmark
    public byte[] keygenSignPkcs12() {
        KeyPair pair = keyAlgorithm.generate(null);
        X509Certificate cert = ca.issue(holder, pair.getPublic(), ca.newSerial(), Instant.now());
        return PfxWriter.write("bench", pair.getPrivate(), cert, ca.chain(), "bench-password-1".toCharArray());
    }
}
