package org.kerege.platform.events;

/**
 * The CloudEvents identity of an event record, derived from its {@link KeregeEvent} annotation.
 *
 * @param type     e.g. {@code org.kerege.payments.payment-received.v1}
 * @param topic    e.g. {@code kerege.payments.invoice}
 * @param source   e.g. {@code /kerege/payments}
 * @param family   the type without its version, e.g. {@code org.kerege.payments.payment-received}
 * @param aggregate e.g. {@code invoice}
 * @param version  payload version
 */
public record EventType(String type, String topic, String source, String family, String aggregate, int version,
                        Class<? extends Event> recordClass) {

    public static EventType of(Class<? extends Event> recordClass) {
        KeregeEvent a = recordClass.getAnnotation(KeregeEvent.class);
        if (a == null) {
            throw new IllegalArgumentException(recordClass.getName() + " has no @KeregeEvent annotation");
        }
        String family = "org.kerege." + a.service() + "." + a.name();
        return new EventType(family + ".v" + a.version(), topic(a.service(), a.aggregate()), "/kerege/" + a.service(),
                family, a.aggregate(), a.version(), recordClass);
    }

    /** The topic of a service's aggregate: {@code kerege.<service>.<aggregate>}. */
    public static String topic(String service, String aggregate) {
        return "kerege." + service + "." + aggregate;
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }

    /** The family of a type string ({@code org.kerege.x.y.v2} → {@code org.kerege.x.y}); the type itself if unversioned. */
    public static String familyOf(String type) {
        int dot = type.lastIndexOf(".v");
        if (dot > 0 && type.substring(dot + 2).chars().allMatch(Character::isDigit) && dot + 2 < type.length()) {
            return type.substring(0, dot);
        }
        return type;
    }
}
