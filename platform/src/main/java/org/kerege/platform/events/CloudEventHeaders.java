package org.kerege.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents attributes in Kafka headers (the Kafka protocol binding's binary content mode): the
 * attributes as {@code ce_*} headers, the JSON data as the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Dead letters also carry why they were dead-lettered and where they came from. */
    public static final String DLQ_REASON = "kerege_dlq_reason";
    public static final String DLQ_ORIGINAL_TOPIC = "kerege_dlq_topic";
    public static final String DLQ_ORIGINAL_PARTITION = "kerege_dlq_partition";
    public static final String DLQ_ORIGINAL_OFFSET = "kerege_dlq_offset";
    public static final String DLQ_CONSUMER = "kerege_dlq_consumer";

    private CloudEventHeaders() {
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** All headers as text, for logs and tests. */
    public static Map<String, String> asMap(Headers headers) {
        Map<String, String> out = new HashMap<>();
        for (Header h : headers) {
            out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
