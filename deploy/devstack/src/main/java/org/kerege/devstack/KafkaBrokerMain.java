package org.kerege.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Kafka broker's JVM: a single-node KRaft server, broker and controller in one process.
 *
 * <p>Started by {@link KafkaBroker} on a classpath of the Kafka server jars only (never on a service's
 * classpath). Arguments: {@code <port> <controllerPort> <logDir> [--exit-on-stdin-eof]}.
 *
 * <ol>
 *   <li>If {@code logDir} holds no {@code meta.properties}, formats it with {@code kafka.tools.StorageTool}
 *       (a static quorum: {@code controller.quorum.voters} and no {@code --standalone}); an existing log
 *       directory is reused, so a restart keeps topics and records.</li>
 *   <li>Starts {@link KafkaRaftServer} with listeners on {@code 127.0.0.1} and single-node settings
 *       (replication factors 1, 3 partitions per new topic, no topic auto-creation, no initial rebalance
 *       delay, a 3 s broker session so that a restart after SIGKILL is ready within seconds).</li>
 *   <li>Prints {@value #READY} followed by the bootstrap address on standard output.</li>
 *   <li>Stops cleanly on SIGTERM (a shutdown hook) and, with {@code --exit-on-stdin-eof}, when its
 *       standard input closes, which happens when the parent process dies however it dies.</li>
 * </ol>
 */
public final class KafkaBrokerMain {

    /** The line prefix printed once the broker accepts clients. */
    public static final String READY = "KEREGE-KAFKA-READY";

    private KafkaBrokerMain() {
    }

    /**
     * Runs the broker until the process is told to stop.
     *
     * @param args {@code <port> <controllerPort> <logDir> [--exit-on-stdin-eof]}
     * @throws Exception if the broker cannot be formatted or started
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: KafkaBrokerMain <port> <controllerPort> <logDir> [--exit-on-stdin-eof]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path logDir = Path.of(args[2]).toAbsolutePath();
        boolean exitOnStdinEof = args.length > 3 && "--exit-on-stdin-eof".equals(args[3]);

        Properties props = serverProperties(port, controllerPort, logDir);
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(props);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("KEREGE-KAFKA stopping");
            server.shutdown();
            server.awaitShutdown();
            System.out.println("KEREGE-KAFKA stopped");
        }, "kerege-kafka-shutdown"));
        if (exitOnStdinEof) {
            watchStdin();
        }

        server.startup();
        System.out.println(READY + " 127.0.0.1:" + port);
        System.out.flush();
        server.awaitShutdown();
        if (!stopping.get()) {
            // The server stopped by itself (a fatal error); end the JVM so the launcher notices.
            System.exit(1);
        }
    }

    /** The broker's configuration: one node, broker and controller, listeners on 127.0.0.1. */
    static Properties serverProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a SIGKILL the restarted controller replays the old broker registration and refuses the new
        // one until that session expires (default 9 s); keep the wait short.
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("background.threads", "4");
        p.setProperty("log.cleaner.threads", "1");
        return p;
    }

    /** {@code kafka-storage.sh format --config <file> --cluster-id <new id>}, without exiting the JVM. */
    private static void format(Properties props) throws IOException {
        Path config = Files.createTempFile("kerege-kafka-", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "Kerege single-node KRaft broker");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int rc;
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {
                    "format", "--config", config.toString(),
                    "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"
                }, out);
            }
            String output = buffer.toString(StandardCharsets.UTF_8);
            System.out.print(output);
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed (" + rc + "): " + output);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Ends the JVM (through the shutdown hook) once standard input reaches end of file. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // the launcher never writes; anything read is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the parent is gone, same as end of file
            }
            System.out.println("KEREGE-KAFKA parent process gone (stdin closed), stopping");
            System.exit(0);
        }, "kerege-kafka-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
