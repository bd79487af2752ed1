package org.kerege.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record in the terms of {@code contracts.md}: it travels on topic
 * {@code kerege.<service>.<aggregate>} with CloudEvents type {@code org.kerege.<service>.<name>.v<version>}
 * and source {@code /kerege/<service>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KeregeEvent {

    /** The producing service, e.g. {@code payments}. */
    String service();

    /** The aggregate the event is about, e.g. {@code invoice}; also the topic's last part. */
    String aggregate();

    /** The event's kebab-case name, e.g. {@code payment-received}. */
    String name();

    /** Payload version; an incompatible payload is a new version. */
    int version();
}
