package org.kerege.requirements.catalog.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the catalog data files into a {@link CatalogDraft} (the only class of this package that uses
 * Jackson). Layout, relative to a base path such as {@code catalog/} on the classpath:
 * <pre>
 * index.json            {"version": 1, "referenceLists": "reference-lists.json",
 *                        "entries": ["kg/kg.meken-card.json", …]}
 * reference-lists.json  [{"name": "kg.bordering-states", "values": ["KZ", …], "description": {…}}]
 * kg/kg.meken-card.json one ServiceEntry object, or an array of dated rule sets of one code
 * </pre>
 * JSON field names are the record component names of {@link ServiceEntry} and its parts; unknown
 * fields are errors; a {@link LocalizedText} is written as {@code {"ky": "…", "en": "…"}}; a
 * {@link Condition} as its text. Condition syntax errors do not stop loading: they are kept in the
 * draft and reported by {@link CatalogValidator}.
 */
public final class CatalogLoader {

    /** The classpath location of the shipped catalog's index. */
    public static final String DEFAULT_INDEX = "catalog/index.json";

    private final ObjectMapper mapper;

    public CatalogLoader() {
        SimpleModule module = new SimpleModule("kerege-catalog");
        module.addDeserializer(Condition.class, new JsonDeserializer<>() {
            @Override
            public Condition deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Condition.lenient(p.getValueAsString());
            }
        });
        module.addDeserializer(LocalizedText.class, new JsonDeserializer<>() {
            @Override
            public LocalizedText deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                Map<String, String> texts = p.readValueAs(new com.fasterxml.jackson.core.type.TypeReference<
                        java.util.LinkedHashMap<String, String>>() {
                });
                return new LocalizedText(texts);
            }
        });
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(module)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    }

    /** Loads the catalog shipped in this module ({@value #DEFAULT_INDEX}). */
    public CatalogDraft loadShipped() {
        return loadFromClasspath(DEFAULT_INDEX);
    }

    /** Loads a catalog whose index is at {@code indexPath} on this class's class loader. */
    public CatalogDraft loadFromClasspath(String indexPath) {
        ClassLoader loader = CatalogLoader.class.getClassLoader();
        return load(indexPath, path -> loader.getResourceAsStream(path));
    }

    /**
     * Loads a catalog through {@code opener}, which returns the stream of a path (null when absent).
     * Paths in the index are relative to the index's directory.
     */
    public CatalogDraft load(String indexPath, Function<String, InputStream> opener) {
        String base = indexPath.contains("/") ? indexPath.substring(0, indexPath.lastIndexOf('/') + 1) : "";
        JsonNode index = readTree(indexPath, opener);
        int version = index.path("version").asInt(0);
        ReferenceLists referenceLists = ReferenceLists.NONE;
        if (index.hasNonNull("referenceLists")) {
            String path = base + index.get("referenceLists").asText();
            List<ReferenceList> lists = new ArrayList<>();
            for (JsonNode node : readTree(path, opener)) {
                lists.add(convert(path, node, ReferenceList.class));
            }
            referenceLists = ReferenceLists.of(lists);
        }
        List<ServiceEntry> entries = new ArrayList<>();
        for (JsonNode file : index.path("entries")) {
            String path = base + file.asText();
            JsonNode node = readTree(path, opener);
            if (node.isArray()) {
                for (JsonNode element : node) {
                    entries.add(convert(path, element, ServiceEntry.class));
                }
            } else {
                entries.add(convert(path, node, ServiceEntry.class));
            }
        }
        return new CatalogDraft(version, entries, referenceLists);
    }

    private JsonNode readTree(String path, Function<String, InputStream> opener) {
        try (InputStream in = opener.apply(path)) {
            if (in == null) {
                throw new CatalogLoadException("catalog file not found: " + path, null);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new CatalogLoadException("cannot read catalog file " + path + ": " + e.getMessage(), e);
        }
    }

    private <T> T convert(String path, JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogLoadException("malformed " + type.getSimpleName() + " in " + path + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CatalogLoadException("malformed " + type.getSimpleName() + " in " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
