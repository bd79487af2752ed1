package org.kerege.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The committed OpenAPI document of a service is its contract with partners. This check compares the
 * document generated from code with the committed one: any difference fails, and the failure says
 * separately which changes break existing clients (openapi-diff) and which are compatible.
 *
 * <p>To accept a change on purpose, run the module's tests with {@code -Dkerege.openapi.update=true}
 * and commit the rewritten file together with the code.
 */
public final class OpenApiContract {

    /** Where each service commits its contract, relative to the module directory. */
    public static final String COMMITTED_PATH = "src/main/openapi/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiContract() {
    }

    /** The committed contract file of the module whose tests are running. */
    public static Path committedFile() {
        String moduleDir = System.getProperty("kerege.module.dir", System.getProperty("user.dir"));
        return Path.of(moduleDir).resolve(COMMITTED_PATH);
    }

    /**
     * Fails unless {@code generatedJson} equals the committed document (as JSON, ignoring key order).
     *
     * @throws AssertionError describing breaking and compatible changes
     */
    public static void assertMatchesCommitted(String generatedJson, Path committed) throws IOException {
        String generated = canonical(generatedJson);
        boolean update = Boolean.getBoolean("kerege.openapi.update");
        if (!Files.exists(committed) || update) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated);
            if (!update) {
                throw new AssertionError("No committed OpenAPI contract at " + committed
                        + ": wrote the generated one there; review and commit it.");
            }
            return;
        }
        String existing = Files.readString(committed);
        if (JSON.readTree(existing).equals(JSON.readTree(generated))) {
            return;
        }
        throw new AssertionError(describeDifference(existing, generated, committed));
    }

    /** The document with object keys sorted, so the committed file diffs cleanly. */
    static String canonical(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        return JSON.writeValueAsString(sortKeys(tree)) + "\n";
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                sorted.put(e.getKey(), sortKeys(e.getValue()));
            }
            ObjectNode out = JSON.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(child -> out.add(sortKeys(child)));
            return out;
        }
        return node;
    }

    private static String describeDifference(String committedJson, String generatedJson, Path committed) {
        StringBuilder message = new StringBuilder("The service's OpenAPI document differs from the committed contract ")
                .append(committed).append(".\n");
        try {
            ChangedOpenApi diff = OpenApiCompare.fromContents(committedJson, generatedJson);
            List<String> breaking = new ArrayList<>();
            List<String> compatible = new ArrayList<>();
            diff.getMissingEndpoints().forEach(e -> breaking.add("removed " + e.getMethod() + " " + e.getPathUrl()));
            diff.getDeprecatedEndpoints().forEach(e -> compatible.add("deprecated " + e.getMethod() + " " + e.getPathUrl()));
            diff.getNewEndpoints().forEach(e -> compatible.add("added " + e.getMethod() + " " + e.getPathUrl()));
            diff.getChangedOperations().forEach(op -> {
                String line = "changed " + op.getHttpMethod() + " " + op.getPathUrl();
                if (op.isIncompatible()) {
                    breaking.add(line);
                } else {
                    compatible.add(line);
                }
            });
            if (diff.isIncompatible() && breaking.isEmpty()) {
                breaking.add("incompatible change in shared components (schemas, security)");
            }
            message.append("BREAKING changes (existing clients would fail): ")
                    .append(breaking.isEmpty() ? "none" : String.join("; ", breaking)).append('\n');
            message.append("Compatible changes: ")
                    .append(compatible.isEmpty() ? "none listed (descriptions, examples or schemas)" : String.join("; ", compatible))
                    .append('\n');
        } catch (RuntimeException e) {
            message.append("(openapi-diff could not compare them: ").append(e).append(")\n");
        }
        message.append("If the change is intended, rerun with -Dkerege.openapi.update=true and commit ")
                .append(COMMITTED_PATH).append('.');
        return message.toString();
    }
}
