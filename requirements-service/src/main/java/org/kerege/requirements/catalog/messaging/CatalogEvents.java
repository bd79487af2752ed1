package org.kerege.requirements.catalog.messaging;

import java.util.List;
import org.kerege.platform.events.catalog.CatalogPublishedV1;
import org.kerege.platform.events.catalog.CatalogPublishedV1.ConditionalTerm;
import org.kerege.requirements.catalog.domain.CatalogVersion;
import org.kerege.requirements.catalog.domain.ServiceEntry;
import org.kerege.requirements.catalog.domain.TermRule;

/** What other services are told of a published catalog version. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    public static CatalogPublishedV1 published(CatalogVersion version) {
        return new CatalogPublishedV1(version.number(), version.publishedAt(),
                version.entries().stream().map(CatalogEvents::rules).toList());
    }

    static CatalogPublishedV1.ServiceRules rules(ServiceEntry e) {
        return new CatalogPublishedV1.ServiceRules(e.code(), e.country(), e.title().get("en").orElse(e.code()),
                e.effectiveFrom(), e.effectiveTo(),
                e.booking() == null ? "ONLINE_AND_WALK_IN" : e.booking().policy().name(),
                e.booking() == null ? null : e.booking().minMinutes(),
                e.booking() == null ? null : e.booking().maxMinutes(),
                terms(e.reviewWindow()), terms(e.validity()), e.fee() == null ? null : e.fee().code());
    }

    private static List<ConditionalTerm> terms(List<TermRule> rules) {
        return rules.stream().map(r -> new ConditionalTerm(r.condition().source(), r.term().amount(),
                r.term().unit().name(), r.term().startsOn())).toList();
    }
}
