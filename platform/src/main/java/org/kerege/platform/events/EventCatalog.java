package org.kerege.platform.events;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.kerege.platform.events.appointments.AppointmentEvents;
import org.kerege.platform.events.catalog.CatalogEvents;
import org.kerege.platform.events.payments.PaymentEvents;
import org.kerege.platform.events.signature.SignatureEvents;
import org.kerege.platform.events.status.StatusEvents;

/**
 * Every event record of Kerege, gathered from one list per producing service ({@code <area>/*Events}). The AsyncAPI document ({@code asyncapi/kerege.yaml}) describes the
 * same list; a test keeps the two in step.
 */
public final class EventCatalog {

    /** All event records, one per type and version. */
    public static final List<Class<? extends Event>> ALL = Stream.of(
                    CatalogEvents.ALL, AppointmentEvents.ALL, PaymentEvents.ALL, StatusEvents.ALL, SignatureEvents.ALL)
            .flatMap(List::stream)
            .toList();

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
