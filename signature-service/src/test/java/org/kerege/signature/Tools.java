package org.kerege.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real Debian binaries (openssl, keytool, softhsm2-util); tests skip with a visible reason when one is absent. */
public final class Tools {

    public record Run(int exit, String output) {
    }

    private Tools() {
    }

    public static final Path OPENSSL = Path.of("/usr/bin/openssl");
    public static final Path SOFTHSM_UTIL = Path.of("/usr/bin/softhsm2-util");
    public static final Path SOFTHSM_LIB = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    public static Path keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool");
    }

    public static void assumeOpenssl() {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL),
                "SKIPPED: /usr/bin/openssl is absent (apt-get install openssl); the OpenSSL interoperability checks need it");
    }

    public static void assumeKeytool() {
        Assumptions.assumeTrue(Files.isExecutable(keytool()), "SKIPPED: keytool is absent from " + keytool());
    }

    public static void assumeSoftHsm() {
        Assumptions.assumeTrue(Files.isExecutable(SOFTHSM_UTIL) && Files.exists(SOFTHSM_LIB),
                "SKIPPED: SoftHSM is absent (apt-get install softhsm2); the PKCS#11 CA checks need it");
    }

    public static Run run(List<String> command) {
        return run(command, Map.of());
    }

    public static Run run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
            b.environment().putAll(env);
            Process p = b.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
