package org.kerege.requirements.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.kerege.platform.events.Outbox;
import org.kerege.requirements.catalog.domain.CatalogDraft;
import org.kerege.requirements.catalog.domain.CatalogPublisher;
import org.kerege.requirements.catalog.domain.CatalogVersion;
import org.kerege.requirements.catalog.messaging.CatalogEvents;

/**
 * Published catalog versions: stored as their files, read back into {@link CatalogVersion}s and kept
 * in memory (a version never changes). Publishing validates, stores and writes
 * {@code catalog-published} to the outbox in one transaction, serialised across instances.
 */
@ApplicationScoped
public class CatalogStore {

    private static final Logger LOG = Logger.getLogger(CatalogStore.class);
    private static final long LATEST_CHECK_NANOS = 2_000_000_000L;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<Integer, CatalogVersion> versions = new ConcurrentHashMap<>();
    private volatile int latest;
    private volatile long latestCheckedAt;

    public CatalogStore(EntityManager em, ObjectMapper json, Outbox outbox, Clock clock) {
        this.em = em;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A summary of one published version. */
    public record VersionInfo(int number, Instant publishedAt, String publishedBy, String source, int services) {
    }

    /** At the first start of an empty database, the shipped catalog becomes version 1. */
    void publishShippedOnFirstStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            lockPublishing();
            if (latestNumber() == 0) {
                VersionInfo v = publishLocked(CatalogBundle.shipped(json), "kerege (first start)", "shipped");
                LOG.infof("Published the shipped catalog as version %d (%d services)", v.number(), v.services());
            }
        });
    }

    /**
     * Validates the files, stores them as the next version and tells the other services.
     *
     * @throws org.kerege.requirements.catalog.domain.CatalogRejectedException with every problem found
     * @throws org.kerege.requirements.catalog.domain.CatalogLoadException when a file is missing or malformed
     */
    @Transactional
    public VersionInfo publish(JsonNode bundle, String publishedBy, String source) {
        lockPublishing();
        return publishLocked(bundle, publishedBy, source);
    }

    private VersionInfo publishLocked(JsonNode bundle, String publishedBy, String source) {
        int previousNumber = latestNumber();
        CatalogVersion previous = previousNumber == 0 ? null : version(previousNumber).orElseThrow();
        CatalogDraft loaded = CatalogBundle.load(json, bundle);
        CatalogDraft draft = new CatalogDraft(previousNumber + 1, loaded.entries(), loaded.referenceLists());
        Instant now = clock.instant();
        CatalogVersion version = CatalogPublisher.standard().publish(draft, previous, now);
        try {
            em.createNativeQuery("""
                            insert into catalog_version (number, published_at, published_by, source, services, content)
                            values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                    .setParameter(1, version.number())
                    .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter(3, publishedBy)
                    .setParameter(4, source)
                    .setParameter(5, version.entries().size())
                    .setParameter(6, json.writeValueAsString(bundle))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.publish(CatalogEvents.published(version));
        return new VersionInfo(version.number(), now, publishedBy, source, version.entries().size());
    }

    /**
     * The newest published version without touching the database, or empty when that cannot be said
     * from memory: the newest number was last read more than 2 s ago (another instance may have
     * published since), or that version is not loaded yet. Callers on the event loop use this and fall
     * back to {@link #current()} on a worker thread.
     */
    public Optional<CatalogVersion> currentInMemory() {
        int number = latest;
        if (number == 0 || System.nanoTime() - latestCheckedAt > LATEST_CHECK_NANOS) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.get(number));
    }

    /** The newest published version; empty only before the first start has published one. */
    public Optional<CatalogVersion> current() {
        long now = System.nanoTime();
        if (latest == 0 || now - latestCheckedAt > LATEST_CHECK_NANOS) {
            latest = QuarkusTransaction.joiningExisting().call(this::latestNumber);
            latestCheckedAt = now;
        }
        return latest == 0 ? Optional.empty() : version(latest);
    }

    /** A published version by number. */
    public Optional<CatalogVersion> version(int number) {
        CatalogVersion cached = versions.get(number);
        if (cached != null) {
            return Optional.of(cached);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("select published_at, content::text from catalog_version where number = ?1")
                    .setParameter(1, number).getResultList();
            if (rows.isEmpty()) {
                return Optional.<CatalogVersion>empty();
            }
            Object[] row = (Object[]) rows.get(0);
            Instant publishedAt = row[0] instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) row[0];
            CatalogDraft draft = CatalogBundle.load(json, json.readTree((String) row[1]));
            CatalogVersion version = CatalogVersion.restore(number, publishedAt, draft);
            versions.put(number, version);
            return Optional.of(version);
        });
    }

    /** The files of a published version, as published. */
    public Optional<JsonNode> files(int number) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("select content::text from catalog_version where number = ?1")
                    .setParameter(1, number).getResultList();
            return rows.isEmpty() ? Optional.<JsonNode>empty() : Optional.of(json.readTree((String) rows.get(0)));
        });
    }

    /** Every published version, newest first. */
    public List<VersionInfo> list() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                        select number, published_at, published_by, source, services from catalog_version order by number desc""")
                .getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    Instant at = row[1] instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) row[1];
                    return new VersionInfo(((Number) row[0]).intValue(), at, (String) row[2], (String) row[3],
                            ((Number) row[4]).intValue());
                }).toList());
    }

    private int latestNumber() {
        Number n = (Number) em.createNativeQuery("select coalesce(max(number), 0) from catalog_version").getSingleResult();
        return n.intValue();
    }

    /** One publication at a time across every instance sharing the database. */
    private void lockPublishing() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('kerege.requirements.catalog-publish'))")
                .getSingleResult();
    }
}
