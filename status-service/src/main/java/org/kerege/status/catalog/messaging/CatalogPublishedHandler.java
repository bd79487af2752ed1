package org.kerege.status.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.ReceivedVersions;
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

    private final ReceivedVersions versions;

    public CatalogPublishedHandler(ReceivedVersions versions) {
        this.versions = versions;
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
        if (!versions.takeIn(CatalogPublishedV1.CATALOG_ID, event.catalogVersion(), metadata, event.publishedAt())) {
            LOG.infof("Catalog version %d ignored: a newer version is already in force here", event.catalogVersion());
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
