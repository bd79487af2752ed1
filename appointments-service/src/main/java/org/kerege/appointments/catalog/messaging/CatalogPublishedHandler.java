package org.kerege.appointments.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.kerege.appointments.catalog.domain.BookingPolicy;
import org.kerege.appointments.catalog.persistence.ServicePolicyEntity;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.ReceivedVersions;
import org.kerege.platform.events.catalog.CatalogPublishedV1;

/**
 * Keeps the booking policy and counter time of every service from the newest published catalog. An
 * older version arriving late never replaces a newer one.
 */
@ApplicationScoped
public class CatalogPublishedHandler implements EventHandler<CatalogPublishedV1> {

    private static final Logger LOG = Logger.getLogger(CatalogPublishedHandler.class);

    private final ReceivedVersions versions;

    public CatalogPublishedHandler(ReceivedVersions versions) {
        this.versions = versions;
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
        ServicePolicyEntity.deleteAll();
        for (CatalogPublishedV1.ServiceRules rules : event.services()) {
            ServicePolicyEntity e = new ServicePolicyEntity();
            e.serviceCode = rules.code();
            e.country = rules.country();
            e.titleEn = rules.titleEn();
            e.effectiveFrom = rules.effectiveFrom();
            e.effectiveTo = rules.effectiveTo();
            e.bookingPolicy = BookingPolicy.valueOf(rules.bookingPolicy());
            e.minServiceMinutes = rules.minServiceMinutes();
            e.maxServiceMinutes = rules.maxServiceMinutes();
            e.catalogVersion = event.catalogVersion();
            e.persist();
        }
        LOG.infof("Catalog version %d in force here: %d service rule sets", event.catalogVersion(),
                event.services().size());
    }
}
