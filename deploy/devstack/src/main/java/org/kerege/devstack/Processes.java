package org.kerege.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
     * A TCP port that was free on the loopback address a moment ago. Another process may take it
     * before the caller binds it; that race is accepted for tests and the local run.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The last {@code lines} lines of a text file (at most 64 KiB read), or a note if it is absent. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int start = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
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
