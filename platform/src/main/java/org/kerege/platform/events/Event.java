package org.kerege.platform.events;

/** An immutable event record annotated with {@link KeregeEvent}. Its JSON form is the CloudEvent's data. */
public interface Event {

    /** The id of the aggregate the event is about: the Kafka key and the CloudEvent subject. */
    String aggregateId();
}
