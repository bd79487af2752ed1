package org.kerege.platform.events;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kerege.platform.events.catalog.CatalogPublishedV1;
import org.kerege.platform.events.payments.InvoiceCancelledV1;
import org.kerege.platform.events.payments.InvoiceIssuedV1;

/**
 * Every event record of Kerege. The AsyncAPI document ({@code asyncapi/kerege.yaml}) describes the
 * same list; a test keeps the two in step.
 */
public final class EventCatalog {

    /** All event records, one per type and version. */
    public static final List<Class<? extends Event>> ALL = List.of(
            CatalogPublishedV1.class,
            InvoiceIssuedV1.class,
            InvoiceCancelledV1.class);

    private EventCatalog() {
    }

    /** Topics a service produces to, by its short name (e.g. {@code payments}). */
    public static Set<String> topicsProducedBy(String service) {
        Set<String> topics = new TreeSet<>();
        for (Class<? extends Event> type : ALL) {
            KeregeEvent a = type.getAnnotation(KeregeEvent.class);
            if (a.service().equals(service)) {
                topics.add(EventType.of(type).topic());
            }
        }
        return topics;
    }
}
