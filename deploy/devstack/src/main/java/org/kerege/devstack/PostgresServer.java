package org.kerege.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries) for tests and the local run.
 *
 * <p>{@link #start(Options)} runs {@code initdb} on an empty data directory (or reuses one that holds
 * a cluster, when {@link Options#keepData} is set), starts the server on the loopback address, and
 * creates the database {@value #DATABASE} if it is missing.
 *
 * <p>Authentication: zonky's {@code initdb} uses {@code trust} for local TCP connections, so the user
 * {@value #USER} is accepted with any password; {@link #password()} returns {@value #PASSWORD} for
 * the configuration keys that want one.
 *
 * <p>A shutdown hook stops the server when the JVM exits, unless {@link Options#stopOnJvmExit} is off.
 *
 * <p>Files: zonky unpacks its binaries into a working directory ({@code java.io.tmpdir} by default,
 * {@link Options#binariesDir} to choose one); the server's own log goes to {@link Options#logFile}
 * when set. If the JVM dies without running its shutdown hooks (SIGKILL), the {@code postgres}
 * process stays: {@link #start(Options)} on the same kept data directory stops such a leftover first.
 */
public final class PostgresServer implements AutoCloseable {

    /** The application database created on start. */
    public static final String DATABASE = "kerege";
    /** The superuser created by {@code initdb}. */
    public static final String USER = "postgres";
    /** A password for clients that need one; the server trusts local connections and ignores it. */
    public static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDir;
    /** Stops the server: zonky's {@link EmbeddedPostgres}, seen as a JDK type so that it can be shared. */
    private final Closeable server;

    private PostgresServer(int port, Path dataDir, Closeable server) {
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
    }

    /**
     * Starts a server with fresh data in {@code dataDir} on {@code port} (0 = a free port).
     *
     * @param port    TCP port, 0 for a free one
     * @param dataDir the cluster's data directory; emptied first
     * @return the running server
     */
    public static PostgresServer start(int port, Path dataDir) {
        return start(new Options(port, dataDir, false, null, null, true));
    }

    /**
     * Starts a server as {@code options} say.
     *
     * @param options port, directories and whether to keep existing data
     * @return the running server
     * @throws UncheckedIOException if the server cannot start
     */
    public static PostgresServer start(Options options) {
        Objects.requireNonNull(options, "options");
        Path dataDir = options.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir.getParent());
            if (options.keepData()) {
                stopLeftoverServer(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(options.port())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!options.keepData())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(options.stopOnJvmExit())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", options.keepData() ? "on" : "off")
                    .setServerConfig("synchronous_commit", options.keepData() ? "on" : "off");
            if (options.binariesDir() != null) {
                Files.createDirectories(options.binariesDir());
                builder.setOverrideWorkingDirectory(options.binariesDir().toFile());
            }
            if (options.logFile() != null) {
                Files.createDirectories(options.logFile().toAbsolutePath().getParent());
                Redirect log = Redirect.appendTo(options.logFile().toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            EmbeddedPostgres postgres = builder.start();
            PostgresServer server = new PostgresServer(postgres.getPort(), dataDir, postgres);
            try {
                server.createDatabaseIfMissing(DATABASE);
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** @return the TCP port the server listens on (loopback only) */
    public int port() {
        return port;
    }

    /** @return the cluster's data directory */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * @param database a database name, e.g. {@value #DATABASE}
     * @return {@code jdbc:postgresql://localhost:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** @return {@value #USER} */
    public String username() {
        return USER;
    }

    /** @return {@value #PASSWORD} (ignored by the server, which trusts local connections) */
    public String password() {
        return PASSWORD;
    }

    /**
     * Opens a connection as {@value #USER}.
     *
     * @param database the database to connect to
     * @return a new connection; the caller closes it
     * @throws SQLException if the server refuses it
     */
    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", PASSWORD);
        // The driver directly, not DriverManager: that one may not see it from a test class loader.
        return new org.postgresql.Driver().connect(jdbcUrl(database), credentials);
    }

    /**
     * Creates a database unless it exists.
     *
     * @param database the name, letters, digits and underscores only
     */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown); the data directory stays unless it was created fresh. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * Restarts the server in place, as an operator's {@code pg_ctl restart} does: a fast shutdown (every
     * connection is dropped, running transactions roll back), then a start with the same options; port
     * and data stay. Uses the {@code pg_ctl} next to the running {@code postgres}, inside a user namespace
     * when we are root, as the embedded server itself does. For fault tests: clients must reconnect and
     * lose nothing committed.
     *
     * @throws IllegalStateException when the server is not running or does not come back within a minute
     */
    public void restart() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            Path postgres = Path.of(ProcessHandle.of(pid).flatMap(p -> p.info().command())
                    .orElseThrow(() -> new IllegalStateException("postmaster " + pid + " is not running")));
            List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restarted.log");
            command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", dataDir.toString(), "-w",
                    "-t", "60", "-m", "fast", "-l", log.toString(), "restart"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not restart: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The state another instance can attach to, as JDK types only (for sharing across class loaders). */
    Map<String, Object> state() {
        return Map.of("port", port, "dataDir", dataDir, "server", server);
    }

    /** An instance acting on the server described by {@link #state()}. */
    static PostgresServer attach(Map<String, Object> state) {
        return new PostgresServer((Integer) state.get("port"), (Path) state.get("dataDir"),
                (Closeable) state.get("server"));
    }

    /**
     * A {@code postgres} left running on this data directory by a JVM that was killed holds the
     * directory; end it (SIGTERM, then SIGKILL) so that the new server can start.
     */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(p -> Processes.terminate(p, Duration.ofSeconds(30)));
    }

    /**
     * How to start a server.
     *
     * @param port        TCP port, 0 for a free one
     * @param dataDir     the cluster's data directory
     * @param keepData    reuse a cluster found in {@code dataDir} (else it is emptied first)
     * @param binariesDir where zonky unpacks PostgreSQL, or {@code null} for {@code java.io.tmpdir}
     * @param logFile     file that receives the server's output, or {@code null} for zonky's logger
     * @param stopOnJvmExit register a JVM shutdown hook that stops the server (off when the caller
     *                    orders the shutdown of several processes itself, as {@link Suite} does)
     */
    public record Options(int port, Path dataDir, boolean keepData, Path binariesDir, Path logFile,
                          boolean stopOnJvmExit) {
        /**
         * Checks the arguments.
         *
         * @param port          TCP port, 0 for a free one
         * @param dataDir       the cluster's data directory
         * @param keepData      reuse a cluster found in {@code dataDir}
         * @param binariesDir   where zonky unpacks PostgreSQL, or {@code null}
         * @param logFile       file for the server's output, or {@code null}
         * @param stopOnJvmExit register a JVM shutdown hook that stops the server
         */
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }
}
