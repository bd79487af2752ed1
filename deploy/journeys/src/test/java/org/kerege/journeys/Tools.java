package org.kerege.journeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's openssl, run as the applicant or a relying party would. */
final class Tools {

    private Tools() {
    }

    static boolean hasOpenssl() {
        return java.nio.file.Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    /** Runs openssl in a directory; returns its output, failing on a non-zero exit. */
    static String openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
