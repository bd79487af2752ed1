package org.kerege.status.application.lookup;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.kerege.status.StatusConfig;

/** The one {@link PublicStatusCache} of this instance, sized by {@code kerege.status.lookup.cache.*}. */
public class PublicStatusCacheProducer {

    @Produces
    @Singleton
    PublicStatusCache cache(StatusConfig config) {
        return new PublicStatusCache(config.lookup().cache().maxEntries(), config.lookup().cache().timeToLive(),
                System::nanoTime);
    }
}
