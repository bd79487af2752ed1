package org.kerege.platform.events.catalog;

import java.util.List;
import org.kerege.platform.events.Event;

/** The event records of requirements-service, in the order the AsyncAPI document lists them. */
public final class CatalogEvents {

    public static final List<Class<? extends Event>> ALL = List.of(CatalogPublishedV1.class);

    private CatalogEvents() {
    }
}
