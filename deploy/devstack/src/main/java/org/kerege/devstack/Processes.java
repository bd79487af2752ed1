package org.kerege.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small helpers for child processes, ports and log files. */
final class Processes {

    private Processes() {
    }

    /**
     * Ends a process and its descendants: SIGTERM, up to {@code grace} to exit, then SIGKILL.
     *
     * @return true if it ended within the grace period
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            return true;
        } catch (TimeoutException e) {
            kill(process);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return false;
        } catch (ExecutionException e) {
            kill(process);
            return false;
        }
    }

    /** SIGKILL to a process and its descendants, then waits (up to 10 s) until it is gone. */
    static void kill(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the kernel will reap it; nothing else to do
        }
    }

    /**
     * {@code setsid} when the system has it, as a command prefix: the child gets its own session, so a
     * terminal's Ctrl-C (SIGINT to the foreground process group) reaches only the parent, which stops its
     * children in its own order. {@code setsid} execs the command in place (the child is not a group
     * leader), so the process id stays that of the command.
     */
    static java.util.List<String> setsid() {
        for (String candidate : java.util.List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return java.util.List.of(candidate);
            }
        }
        return java.util.List.of();
    }

    /** The {@code java} launcher of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
