package org.kerege.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real Kafka broker (single-node KRaft) in its own JVM, started, stopped, killed and restarted
 * from tests and the suite runner.
 *
 * <p>This class uses no Kafka class: it runs {@code java -cp <this module>:<broker classpath>
 * org.kerege.devstack.KafkaBrokerMain <port> <controllerPort> <logDir>}, where the broker classpath is
 * the resource {@code org/kerege/devstack/broker.classpath} that the build writes (the Kafka server
 * jars, paths in the local Maven repository). The child's output goes to {@link #logFile()} (appended
 * across restarts); {@link #start} returns once it prints {@link KafkaBrokerMain#READY}.
 *
 * <p>The child must not outlive its parent. Two mechanisms:
 * <ul>
 *   <li>a JVM shutdown hook stops it (SIGTERM, then SIGKILL after 15 s) when the parent exits normally or on
 *       SIGTERM/SIGINT (unless the caller turns the hook off to order shutdowns itself, as {@link Suite} does);</li>
 *   <li>always: the child watches its standard input, a pipe held by this JVM; when the parent dies in any
 *       way, SIGKILL included, the pipe closes and the child shuts down cleanly.</li>
 * </ul>
 * Limits: a parent that is frozen (SIGSTOP, a debugger) keeps the pipe open, so the child stays; a child
 * that is itself hung in its shutdown stays until killed. The child runs in its own session
 * ({@code setsid}), so a terminal's Ctrl-C reaches only the parent.
 *
 * <p>Thread-safe. Instances that share state (see {@link KeregeTestResource}) act on the same process.
 */
public final class KafkaBroker implements AutoCloseable {

    /** How long {@link #start} and {@link #restart()} wait for the ready line. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** First JVM option of every broker process, to recognise it among others. */
    static final String PROCESS_MARKER = "-Dkerege.process=kafka-broker";
    private static final String MAIN_CLASS = "org.kerege.devstack.KafkaBrokerMain";
    private static final String CLASSPATH_RESOURCE = "broker.classpath";

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final Path logFile;
    /** The running process, or null; also the lock for start/stop (shared between attached instances). */
    private final AtomicReference<Process> process;

    private KafkaBroker(int port, int controllerPort, Path logDir, Path logFile, AtomicReference<Process> process) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts a broker on free ports, its log file next to {@code logDir} ({@code <logDir>.log}).
     *
     * @param logDir the broker's data ("log") directory; created and formatted if new, reused if not
     * @return the running broker
     */
    public static KafkaBroker start(Path logDir) {
        Path dir = logDir.toAbsolutePath();
        return start(0, 0, dir, dir.resolveSibling(dir.getFileName() + ".log"));
    }

    /**
     * Starts a broker.
     *
     * @param port           client port on 127.0.0.1, 0 for a free one
     * @param controllerPort KRaft controller port on 127.0.0.1, 0 for a free one
     * @param logDir         the broker's data directory; created and formatted if new, reused if not
     * @param logFile        file that receives the broker JVM's output (appended)
     * @return the running broker
     * @throws IllegalStateException if it is not ready within {@link #READY_TIMEOUT}; the message holds
     *                               the end of its log
     */
    public static KafkaBroker start(int port, int controllerPort, Path logDir, Path logFile) {
        return start(port, controllerPort, logDir, logFile, true);
    }

    /**
     * Starts a broker.
     *
     * @param port           client port on 127.0.0.1, 0 for a free one
     * @param controllerPort KRaft controller port on 127.0.0.1, 0 for a free one
     * @param logDir         the broker's data directory; created and formatted if new, reused if not
     * @param logFile        file that receives the broker JVM's output (appended)
     * @param stopOnJvmExit  register a JVM shutdown hook that stops the broker; turn it off only when the
     *                       caller stops the broker itself in an order of its own (as {@link Suite} does).
     *                       The broker still ends when this JVM dies (its standard input closes).
     * @return the running broker
     * @throws IllegalStateException if it is not ready within {@link #READY_TIMEOUT}
     */
    public static KafkaBroker start(int port, int controllerPort, Path logDir, Path logFile, boolean stopOnJvmExit) {
        int clientPort = port == 0 ? LocalMachine.freePort() : port;
        int quorumPort = controllerPort;
        while (quorumPort == 0 || quorumPort == clientPort) {
            quorumPort = LocalMachine.freePort();
        }
        KafkaBroker broker = new KafkaBroker(clientPort, quorumPort, logDir.toAbsolutePath(),
                logFile.toAbsolutePath(), new AtomicReference<>());
        if (stopOnJvmExit) {
            AtomicReference<Process> ref = broker.process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process p = ref.get();
                if (p != null) {
                    Processes.terminate(p.toHandle(), Duration.ofSeconds(15));
                }
            }, "kerege-kafka-broker-stop"));
        }
        broker.launch();
        return broker;
    }

    /** @return {@code 127.0.0.1:<port>}, for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** @return the client port */
    public int port() {
        return port;
    }

    /** @return the KRaft controller port */
    public int controllerPort() {
        return controllerPort;
    }

    /** @return the broker's data directory */
    public Path logDir() {
        return logDir;
    }

    /** @return the file with the broker JVM's output */
    public Path logFile() {
        return logFile;
    }

    /** @return whether the broker process is alive */
    public boolean isRunning() {
        Process p = process.get();
        return p != null && p.isAlive();
    }

    /** @return the broker process id, or -1 when it is not running */
    public long pid() {
        Process p = process.get();
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** Stops the broker cleanly: SIGTERM, up to 30 s for a controlled shutdown, then SIGKILL. */
    public void stop() {
        synchronized (process) {
            Process p = process.getAndSet(null);
            if (p != null) {
                Processes.terminate(p.toHandle(), Duration.ofSeconds(30));
            }
        }
    }

    /** Kills the broker with SIGKILL: a real outage, no controlled shutdown. */
    public void kill() {
        synchronized (process) {
            Process p = process.getAndSet(null);
            if (p != null) {
                Processes.kill(p.toHandle());
            }
        }
    }

    /**
     * Starts the broker again on the same ports and data directory (stopping it first if it runs).
     * Topics and records written before survive.
     */
    public void restart() {
        synchronized (process) {
            stop();
            launch();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + logDir + (isRunning() ? ", running" : ", stopped") + "]";
    }

    /** The state another instance can attach to, as JDK types only (for sharing across class loaders). */
    Map<String, Object> state() {
        return Map.of("port", port, "controllerPort", controllerPort, "logDir", logDir, "logFile", logFile,
                "process", process);
    }

    /** An instance acting on the broker described by {@link #state()}. */
    @SuppressWarnings("unchecked")
    static KafkaBroker attach(Map<String, Object> state) {
        return new KafkaBroker((Integer) state.get("port"), (Integer) state.get("controllerPort"),
                (Path) state.get("logDir"), (Path) state.get("logFile"),
                (AtomicReference<Process>) state.get("process"));
    }

    private void launch() {
        synchronized (process) {
            if (isRunning()) {
                return;
            }
            List<String> command = command();
            try {
                Files.createDirectories(logDir);
                Files.createDirectories(logFile.getParent());
                Files.writeString(logFile, "---- " + Instant.now() + " starting: " + String.join(" ", command)
                        + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                long offset = Files.size(logFile);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(logFile.toFile()))
                        .redirectInput(Redirect.PIPE);
                Process started = builder.start();
                process.set(started);
                awaitReady(started, offset);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Kafka broker: " + e.getMessage(), e);
            }
        }
    }

    private void awaitReady(Process started, long offset) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (logContainsReady(offset)) {
                return;
            }
            if (!started.isAlive()) {
                process.compareAndSet(started, null);
                throw new IllegalStateException("Kafka broker exited with code " + started.exitValue()
                        + " before it was ready; end of " + logFile + ":" + System.lineSeparator()
                        + LocalMachine.tail(logFile, 40));
            }
            if (Instant.now().isAfter(deadline)) {
                Processes.kill(started.toHandle());
                process.compareAndSet(started, null);
                throw new IllegalStateException("Kafka broker not ready within " + READY_TIMEOUT.toSeconds()
                        + " s; end of " + logFile + ":" + System.lineSeparator() + LocalMachine.tail(logFile, 40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Processes.kill(started.toHandle());
                process.compareAndSet(started, null);
                throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
            }
        }
    }

    private boolean logContainsReady(long offset) {
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 16L * 1024 * 1024)];
            raf.seek(offset);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(KafkaBrokerMain.READY + " ");
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> command() {
        String heap = System.getProperty("kerege.kafka.heap", "512m");
        List<String> command = new ArrayList<>(Processes.setsid());
        command.add(Processes.javaExecutable());
        // First, so that it is seen even where a long command line is cut (ProcessHandle.Info on Linux).
        command.add(PROCESS_MARKER);
        command.add("-Xms64m");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + System.getProperty("kerege.kafka.log.level", "info"));
        // Each start logs every configuration value at INFO: hundreds of lines. Keep them out.
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
        command.add("-cp");
        command.add(classpath());
        command.add(MAIN_CLASS);
        command.add(Integer.toString(port));
        command.add(Integer.toString(controllerPort));
        command.add(logDir.toString());
        command.add("--exit-on-stdin-eof");
        return command;
    }

    /** This module's classes (directory or jar) followed by the build-time broker classpath. */
    static String classpath() {
        String brokerClasspath;
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource org/kerege/devstack/" + CLASSPATH_RESOURCE
                        + " is missing: build deploy/devstack with Maven (its dependency plugin writes it)");
            }
            brokerClasspath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ownLocation() + java.io.File.pathSeparator + brokerClasspath;
    }

    /** The directory or jar this class was loaded from. */
    static String ownLocation() {
        URL url = Objects.requireNonNull(KafkaBroker.class.getResource("KafkaBroker.class"),
                "cannot find KafkaBroker.class as a resource");
        String text = url.toString();
        String suffix = "/" + KafkaBroker.class.getName().replace('.', '/') + ".class";
        try {
            if (text.startsWith("jar:file:")) {
                String jar = text.substring("jar:".length(), text.indexOf("!/"));
                return Path.of(new URL(jar).toURI()).toString();
            }
            if (text.startsWith("file:") && text.endsWith(suffix)) {
                return Path.of(new URL(text.substring(0, text.length() - suffix.length() + 1)).toURI()).toString();
            }
            URL codeSource = KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation();
            return Path.of(codeSource.toURI()).toString();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the devstack classes are (" + text + ")", e);
        }
    }
}
