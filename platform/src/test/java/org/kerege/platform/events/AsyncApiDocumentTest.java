package org.kerege.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written AsyncAPI document and the event records say the same thing. */
class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/kerege.yaml")) {
            assertNotNull(in, "asyncapi/kerege.yaml is missing");
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void every_event_record_has_a_message_on_its_topic() {
        for (Class<? extends Event> record : EventCatalog.ALL) {
            EventType type = EventType.of(record);
            JsonNode channel = channelOf(type.topic());
            assertNotNull(channel, "no channel with address " + type.topic() + " for " + type.type());
            boolean found = false;
            for (JsonNode message : channel.path("messages")) {
                JsonNode resolved = resolve(message);
                if (type.type().equals(resolved.path("name").asText())) {
                    found = true;
                    assertSchemaMatches(record, resolve(resolved.path("payload")), type.type());
                }
            }
            assertTrue(found, "channel " + type.topic() + " has no message named " + type.type());
        }
    }

    @Test
    void every_message_in_the_document_is_an_event_record() {
        Set<String> known = new HashSet<>();
        EventCatalog.ALL.forEach(r -> known.add(EventType.of(r).type()));
        Set<String> documented = new TreeSet<>();
        doc.path("components").path("messages").forEach(m -> documented.add(m.path("name").asText()));
        assertEquals(new TreeSet<>(known), documented);
    }

    @Test
    void every_topic_is_named_after_its_service_and_aggregate() {
        doc.path("channels").forEach(channel -> assertTrue(
                channel.path("address").asText().matches("kerege\\.[a-z]+\\.[a-z-]+"), channel.toString()));
    }

    private static void assertSchemaMatches(Class<?> record, JsonNode schema, String where) {
        assertTrue(record.isRecord(), where + ": " + record + " is not a record");
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(components, properties, where + ": fields of " + record.getSimpleName());
        for (JsonNode required : schema.path("required")) {
            assertTrue(components.contains(required.asText()), where + ": required " + required + " is no field");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested != null) {
                JsonNode target = property.has("items") ? property.path("items") : property;
                if (target.has("oneOf")) {
                    target = target.path("oneOf").get(0);
                }
                assertSchemaMatches(nested, resolve(target), where + "." + c.getName());
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return nestedRecord(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static JsonNode channelOf(String topic) {
        Iterator<JsonNode> it = doc.path("channels").elements();
        while (it.hasNext()) {
            JsonNode channel = it.next();
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }
}
