package org.kerege.platform.events;

/**
 * Applies one kind of event. Implement as an {@code @ApplicationScoped} bean; {@link InboxConsumer}
 * finds it, subscribes to the event's topic and calls {@link #handle} inside a database transaction
 * that also records the event id, so an event is applied once however often Kafka delivers it.
 *
 * <p>Throw to refuse: the event is retried with back-off and dead-lettered when it keeps failing.
 */
public interface EventHandler<E extends Event> {

    /** The event record this handler applies; its annotation gives the topic and type. */
    Class<E> eventClass();

    /** Applies the event. Runs inside the inbox transaction; do no Kafka or HTTP calls here. */
    void handle(EventMetadata metadata, E event);
}
