package org.kerege.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Quarkus test resource of every service: one real PostgreSQL and one real Kafka broker per test
 * JVM, plus a JWT key pair.
 *
 * <p>Use it with {@code @QuarkusTestResource(KeregeTestResource.class)} (or {@code @WithTestResource}).
 * The first {@link #start()} in a JVM starts PostgreSQL (free port, fresh data under
 * {@code java.io.tmpdir}) and the broker (free ports, its own JVM) in parallel and generates the key
 * pair; every later start, including those of Quarkus restarts for other test profiles, reuses them.
 * A JVM shutdown hook stops the broker, then PostgreSQL, and deletes their files.
 *
 * <p>Sharing is per JVM, not per class loader: Quarkus may load this class again for each application
 * it starts, so the shared state is kept in the platform MBean server as JDK types only
 * ({@code org.kerege.devstack:type=KeregeTestResource}).
 *
 * <p>Configuration returned by {@link #start()}: {@value #JDBC_URL}, {@value #DB_USERNAME},
 * {@value #DB_PASSWORD}, {@value #KAFKA_BOOTSTRAP}, {@value #JWT_PUBLIC_KEY_LOCATION} (a {@code file:}
 * location of the public key PEM) and {@value #JWT_ISSUER} ({@value DevTokens#ISSUER}).
 */
public final class KeregeTestResource implements QuarkusTestResourceLifecycleManager {

    /** Configuration key of the JDBC URL of database {@value PostgresServer#DATABASE}. */
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** Configuration key of the database user. */
    public static final String DB_USERNAME = "quarkus.datasource.username";
    /** Configuration key of the database password. */
    public static final String DB_PASSWORD = "quarkus.datasource.password";
    /** Configuration key of the Kafka bootstrap servers. */
    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
    /** Configuration key of the JWT verification key's location. */
    public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** Configuration key of the expected JWT issuer. */
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";

    private static final String MBEAN_NAME = "org.kerege.devstack:type=KeregeTestResource";
    private static volatile Map<String, Object> shared;

    /** Created by Quarkus. */
    public KeregeTestResource() {
    }

    /**
     * Starts (once per JVM) PostgreSQL, Kafka and the key pair.
     *
     * @return the configuration the application under test needs
     */
    @Override
    public Map<String, String> start() {
        return config();
    }

    /** Does nothing: the servers live as long as the JVM, for the next Quarkus start to reuse. */
    @Override
    public void stop() {
    }

    /** @return the configuration {@link #start()} returns, starting everything on first use */
    @SuppressWarnings("unchecked")
    public static Map<String, String> config() {
        return (Map<String, String>) started().get("config");
    }

    /** @return this JVM's PostgreSQL (database {@value PostgresServer#DATABASE}), starting it on first use */
    @SuppressWarnings("unchecked")
    public static PostgresServer postgres() {
        return PostgresServer.attach((Map<String, Object>) started().get("postgres"));
    }

    /**
     * @return this JVM's Kafka broker, starting it on first use; tests may {@link KafkaBroker#kill()},
     * {@link KafkaBroker#stop()} and {@link KafkaBroker#restart()} it (restart it before the test ends)
     */
    @SuppressWarnings("unchecked")
    public static KafkaBroker kafka() {
        return KafkaBroker.attach((Map<String, Object>) started().get("kafka"));
    }

    /** @return the private key whose public half the services under test trust */
    public static PrivateKey signingKey() {
        return (PrivateKey) started().get("privateKey");
    }

    /** @return the PEM file of the public key ({@value #JWT_PUBLIC_KEY_LOCATION}) */
    public static Path publicKeyFile() {
        return (Path) started().get("publicKeyFile");
    }

    /**
     * A token the services under test accept, valid for {@link DevTokens#DEFAULT_TTL}.
     *
     * @param role    one of {@link DevTokens#ROLES}
     * @param subject {@code sub}/{@code upn}, e.g. a citizen's identifier
     * @param claims  extra claims such as {@code office} or {@code bank}; may be null
     * @return the bearer token (without the {@code Bearer } prefix)
     */
    public static String token(String role, String subject, Map<String, Object> claims) {
        return DevTokens.mint(signingKey(), role, subject, claims, DevTokens.DEFAULT_TTL);
    }

    private static Map<String, Object> started() {
        Map<String, Object> state = shared;
        if (state != null && state.containsKey("config")) {
            return state;
        }
        state = registry();
        synchronized (state) {
            if (!state.containsKey("config")) {
                startAll(state);
            }
        }
        shared = state;
        return state;
    }

    /** Starts everything into {@code state}; called once per JVM, under the state's lock. */
    private static void startAll(Map<String, Object> state) {
        Path root;
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            root = Files.createTempDirectory(tmp, "kerege-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the test resource directory", e);
        }
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(() -> KafkaBroker.start(
                0, 0, root.resolve("kafka"), root.resolve("kafka.log"), false));
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(new PostgresServer.Options(0, root.resolve("postgres"), false, null,
                    root.resolve("postgres.log"), false));
        } catch (RuntimeException e) {
            kafkaStart.thenAccept(KafkaBroker::stop);
            throw e;
        }
        KafkaBroker kafka;
        try {
            kafka = kafkaStart.join();
        } catch (CompletionException e) {
            postgres.stop();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        DevKeys keys = DevKeys.generate();
        Path publicKey = keys.writePublicKey(root.resolve("jwt-public.pem"));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.stop();
            } finally {
                try {
                    postgres.stop();
                } finally {
                    deleteTree(root);
                }
            }
        }, "kerege-test-resource-stop"));

        Map<String, String> config = new LinkedHashMap<>();
        config.put(JDBC_URL, postgres.jdbcUrl(PostgresServer.DATABASE));
        config.put(DB_USERNAME, postgres.username());
        config.put(DB_PASSWORD, postgres.password());
        config.put(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        config.put(JWT_PUBLIC_KEY_LOCATION, DevKeys.fileLocation(publicKey));
        config.put(JWT_ISSUER, DevTokens.ISSUER);

        state.put("postgres", postgres.state());
        state.put("kafka", kafka.state());
        state.put("privateKey", keys.privateKey());
        state.put("publicKeyFile", publicKey);
        state.put("config", Map.copyOf(config)); // last: its presence means "started"
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit; the directory is under the build's tmp dir anyway
        }
    }

    /** The JVM-wide state map, registered in the platform MBean server by the first caller. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> registry() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(MBEAN_NAME);
            if (!server.isRegistered(name)) {
                try {
                    server.registerMBean(new StateHolder(new ConcurrentHashMap<>()), name);
                } catch (InstanceAlreadyExistsException raced) {
                    // another class loader registered it first: use theirs
                }
            }
            return (Map<String, Object>) server.getAttribute(name, StateHolder.ATTRIBUTE);
        } catch (JMException e) {
            throw new IllegalStateException("cannot share the test resources through JMX", e);
        }
    }

    /** A read-only MBean with one attribute: the shared state map. */
    private static final class StateHolder implements DynamicMBean {
        static final String ATTRIBUTE = "State";
        private final Map<String, Object> state;

        StateHolder(Map<String, Object> state) {
            this.state = state;
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            if (!ATTRIBUTE.equals(attribute)) {
                throw new AttributeNotFoundException(attribute);
            }
            return state;
        }

        @Override
        public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException("read-only: " + attribute.getName());
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            AttributeList list = new AttributeList();
            for (String a : attributes) {
                if (ATTRIBUTE.equals(a)) {
                    list.add(new Attribute(a, state));
                }
            }
            return list;
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String actionName, Object[] params, String[] signature) {
            throw new UnsupportedOperationException(actionName);
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(StateHolder.class.getName(), "Kerege test resources shared by all class loaders",
                    new MBeanAttributeInfo[] {
                        new MBeanAttributeInfo(ATTRIBUTE, Map.class.getName(), "shared state", true, false, false)
                    }, null, null, null);
        }
    }
}
