package org.kerege.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one SoftHSM token of a test JVM. SoftHSM reads {@code SOFTHSM2_CONF} (set by surefire for this
 * module) when the library is first loaded, so the file and a fresh token directory are written once per
 * JVM, before any test loads the library; every SoftHSM test uses this token at slot list index 0. The
 * JVM-wide system property makes it once per JVM across Quarkus class loaders.
 */
public final class SoftHsmToken {

    public static final String PIN = "4711-test-pin";
    private static final String READY = "kerege.test.softhsm.ready";

    private SoftHsmToken() {
    }

    /** Whether SoftHSM and its configuration variable are there (else tests skip, saying why). */
    public static boolean available() {
        return Files.isExecutable(Tools.SOFTHSM_UTIL) && Files.exists(Tools.SOFTHSM_LIB)
                && System.getenv("SOFTHSM2_CONF") != null;
    }

    /** Creates the token once per JVM; returns the configuration file. */
    public static synchronized Path ensure() {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        if (System.getProperty(READY) != null) {
            return conf;
        }
        try {
            Path tokens = conf.getParent().resolve("tokens");
            if (Files.exists(tokens)) {
                try (Stream<Path> s = Files.walk(tokens)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare SoftHSM", e);
        }
        Tools.Run init = Tools.run(List.of(Tools.SOFTHSM_UTIL.toString(), "--init-token", "--free", "--label",
                "kerege-ca-test", "--pin", PIN, "--so-pin", "so-" + PIN), Map.of("SOFTHSM2_CONF", conf.toString()));
        if (init.exit() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + init.output());
        }
        System.setProperty(READY, "true");
        return conf;
    }
}
