package org.kerege.status.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.catalog.CatalogPublishedV1;
import org.kerege.status.catalog.domain.Term;
import org.kerege.status.catalog.persistence.ReviewRuleEntity;

/**
 * Keeps the review window and result validity of every service from the newest published catalog;
 * deadlines of new applications are computed from them. An older version never replaces a newer one.
 */
@ApplicationScoped
public class CatalogPublishedHandler implements EventHandler<CatalogPublishedV1> {

    private static final Logger LOG = Logger.getLogger(CatalogPublishedHandler.class);

    private final EntityManager em;
    private final Clock clock;

    public CatalogPublishedHandler(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    private static List<Term> terms(List<CatalogPublishedV1.ConditionalTerm> terms) {
        return terms == null ? List.of() : terms.stream()
                .map(t -> new Term(t.condition(), t.amount(), Term.Unit.valueOf(t.unit()), t.startsOn())).toList();
    }

    @Override
    public Class<CatalogPublishedV1> eventClass() {
        return CatalogPublishedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, CatalogPublishedV1 event) {
        Number latest = (Number) em.createNativeQuery("select max(catalog_version) from catalog_version_received")
                .getSingleResult();
        em.createNativeQuery("""
                        insert into catalog_version_received (catalog_version, event_id, published_at, received_at, services)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (catalog_version) do nothing""")
                .setParameter(1, event.catalogVersion())
                .setParameter(2, metadata.id())
                .setParameter(3, OffsetDateTime.ofInstant(event.publishedAt(), ZoneOffset.UTC))
                .setParameter(4, OffsetDateTime.now(clock))
                .setParameter(5, event.services().size())
                .executeUpdate();
        if (latest != null && event.catalogVersion() <= latest.intValue()) {
            LOG.infof("Catalog version %d ignored: version %d is already in force here", event.catalogVersion(),
                    latest.intValue());
            return;
        }
        ReviewRuleEntity.deleteAll();
        for (CatalogPublishedV1.ServiceRules rules : event.services()) {
            ReviewRuleEntity e = new ReviewRuleEntity();
            e.serviceCode = rules.code();
            e.country = rules.country();
            e.titleEn = rules.titleEn();
            e.effectiveFrom = rules.effectiveFrom();
            e.effectiveTo = rules.effectiveTo();
            e.reviewWindows = terms(rules.reviewWindows());
            e.resultValidity = terms(rules.resultValidity());
            e.feeCode = rules.feeCode();
            e.catalogVersion = event.catalogVersion();
            e.persist();
        }
        LOG.infof("Catalog version %d in force here: %d service rule sets", event.catalogVersion(),
                event.services().size());
    }
}
