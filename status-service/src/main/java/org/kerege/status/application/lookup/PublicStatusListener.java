package org.kerege.status.application.lookup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kerege.status.StatusConfig;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps {@link PublicStatusCache} honest across instances: one PostgreSQL connection of its own, outside the pool,
 * LISTENs to the changes the triggers of migration V4 announce (an application, its history or due dates changed;
 * a throttle counter moved) and evicts or blocks accordingly. While the connection is down the cache is empty and
 * keeps nothing ({@link PublicStatusCache#listening(boolean)}): lookups then all go to the database, as they would
 * without a cache, until the connection is back (retried with back-off, 0.5 s to 10 s).
 */
@ApplicationScoped
public class PublicStatusListener {

    static final String VIEW_CHANNEL = "kerege_status_view";
    static final String THROTTLE_CHANNEL = "kerege_status_throttle";
    private static final Logger LOG = Logger.getLogger(PublicStatusListener.class);
    /** A quiet connection is probed this often, so that a dead one is noticed. */
    private static final int PROBE_EVERY_MILLIS = 5_000;

    private final PublicStatusCache cache;
    private final StatusConfig config;
    private final Clock clock;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Thread thread;

    public PublicStatusListener(PublicStatusCache cache, StatusConfig config, Clock clock,
                                @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.config = config;
        this.clock = clock;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (config.lookup().cache().maxEntries() == 0) {
            LOG.info("Public status answers are not kept in memory (kerege.status.lookup.cache.max-entries=0)");
            return;
        }
        running = true;
        Thread t = new Thread(this::listen, "status-change-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        cache.listening(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            Properties props = new Properties();
            user.ifPresent(u -> props.setProperty("user", u));
            password.ifPresent(p -> props.setProperty("password", p));
            props.setProperty("ApplicationName", "kerege-status-change-listener");
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + VIEW_CHANNEL);
                    s.execute("LISTEN " + THROTTLE_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                cache.listening(true);
                LOG.debug("Listening to status changes");
                backoff = 500;
                long lastProbe = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(PROBE_EVERY_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            handle(n.getName(), n.getParameter());
                        }
                    } else if (System.nanoTime() - lastProbe > PROBE_EVERY_MILLIS * 1_000_000L) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1");
                        }
                        lastProbe = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (!running) {
                    return;
                }
                LOG.warnf("Status change notifications lost (%s); public lookups go to the database until they are "
                        + "back, retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        cache.listening(false);
    }

    /** One notification: an application that changed, or a throttle counter: {@code <key> <failures> <epoch s>}. */
    void handle(String channel, String payload) {
        if (VIEW_CHANNEL.equals(channel)) {
            cache.evict(payload);
            return;
        }
        if (THROTTLE_CHANNEL.equals(channel)) {
            String[] parts = payload.split(" ");
            if (parts.length != 3) {
                LOG.warnf("Unexpected throttle notification '%s'", payload);
                return;
            }
            String key = parts[0];
            int failures = Integer.parseInt(parts[1]);
            Instant windowStart = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            int max = key.startsWith(PublicStatusCache.numberKey("")) ? config.lookup().maxFailuresPerNumber()
                    : config.lookup().maxFailuresPerClient();
            if (failures >= max) {
                // The epoch seconds are rounded down: blocking up to a second longer is on the safe side.
                cache.block(key, windowStart.plus(config.lookup().window()).plusSeconds(1), clock.instant());
            } else {
                cache.unblock(key);
            }
        }
    }
}
