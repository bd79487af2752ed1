package org.kerege.status.application.lookup;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.kerege.status.application.persistence.ApplicationEntity;
import org.kerege.status.application.persistence.DeadlineEntity;
import org.kerege.status.application.persistence.HistoryEntity;

/**
 * JPA entity listener of everything the public lookup shows (an application, its history, its due dates): evicts
 * the application's kept answer in this instance when the change is written and again once its transaction ends,
 * so that this instance reads its own writes back at once. Other instances learn of the change from the database's
 * notification ({@link PublicStatusListener}).
 */
public class PublicViewChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        String number = entity instanceof ApplicationEntity a ? a.number
                : entity instanceof HistoryEntity h ? h.number
                : entity instanceof DeadlineEntity d ? d.number : null;
        if (number == null) {
            return;
        }
        PublicStatusCache cache = Arc.container().instance(PublicStatusCache.class).get();
        cache.evict(number);
        TransactionSynchronizationRegistry transactions =
                Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.evict(number);
                }
            });
        }
    }
}
