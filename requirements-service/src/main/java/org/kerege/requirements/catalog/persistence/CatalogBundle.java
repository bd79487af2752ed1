package org.kerege.requirements.catalog.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.kerege.requirements.catalog.domain.CatalogDraft;
import org.kerege.requirements.catalog.domain.CatalogLoadException;
import org.kerege.requirements.catalog.domain.CatalogLoader;

/**
 * The catalog files of one version as a single JSON object, file path → file content, with
 * {@value #INDEX} naming the others. It is what an admin uploads, what is stored, and what
 * {@link CatalogLoader} reads back.
 */
public final class CatalogBundle {

    public static final String INDEX = "index.json";
    private static final String SHIPPED_DIR = "catalog/";

    private CatalogBundle() {
    }

    /** The catalog shipped in this module's resources ({@code catalog/index.json} and the files it lists). */
    public static ObjectNode shipped(ObjectMapper json) {
        ObjectNode bundle = json.createObjectNode();
        JsonNode index = readResource(json, SHIPPED_DIR + INDEX);
        bundle.set(INDEX, index);
        if (index.hasNonNull("referenceLists")) {
            String path = index.get("referenceLists").asText();
            bundle.set(path, readResource(json, SHIPPED_DIR + path));
        }
        for (JsonNode entry : index.path("entries")) {
            bundle.set(entry.asText(), readResource(json, SHIPPED_DIR + entry.asText()));
        }
        return bundle;
    }

    /** Reads a bundle into a draft; throws {@link CatalogLoadException} when a file is missing or malformed. */
    public static CatalogDraft load(ObjectMapper json, JsonNode bundle) {
        if (bundle == null || !bundle.isObject() || !bundle.has(INDEX)) {
            throw new CatalogLoadException("the catalog must be a JSON object of files with an \"" + INDEX + "\"", null);
        }
        return new CatalogLoader().load(INDEX, path -> {
            JsonNode file = bundle.get(path);
            if (file == null) {
                return null;
            }
            try {
                return new ByteArrayInputStream(json.writeValueAsBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode readResource(ObjectMapper json, String path) {
        try (InputStream in = CatalogBundle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("shipped catalog file missing: " + path);
            }
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
