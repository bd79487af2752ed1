package org.kerege.platform.events;

import java.time.Instant;
import java.util.UUID;

/** The CloudEvents attributes and Kafka position of a consumed event. */
public record EventMetadata(UUID id, String type, String source, String subject, Instant time, String topic,
                            int partition, long offset) {
}
