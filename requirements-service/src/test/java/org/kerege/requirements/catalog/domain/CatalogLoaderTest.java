package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLoaderTest {

    private static Function<String, InputStream> files(Map<String, String> files) {
        return path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null;
    }

    private static final String ENTRY = """
            {"code": "kg.x", "country": "KG", "sourceLanguage": "ky",
             "title": {"ky": "Х", "en": "X"}, "authority": {"ky": "А", "en": "A"},
             "documents": [{"id": "p", "name": {"ky": "П", "en": "P"}, "condition": "age <", "reason": {"ky": "с", "en": "r"}}],
             "reviewWindow": [{"term": {"amount": 30, "unit": "CALENDAR_DAYS", "startsOn": "receipt"}}],
             "validityUnstated": {"ky": "жок", "en": "none"},
             "fee": {"code": "kg.x"}, "effectiveFrom": "2020-01-01"}
            """;

    @Test
    void reads_index_reference_lists_and_entries_keeping_syntax_errors_for_the_validator() {
        CatalogDraft draft = new CatalogLoader().load("cat/index.json", files(Map.of(
                "cat/index.json", "{\"version\": 7, \"referenceLists\": \"lists.json\", \"entries\": [\"kg/x.json\"]}",
                "cat/lists.json", "[{\"name\": \"l\", \"values\": [\"KZ\"]}]",
                "cat/kg/x.json", "[" + ENTRY + "]")));
        assertEquals(7, draft.version());
        assertEquals("KZ", draft.referenceLists().find("l").orElseThrow().values().get(0));
        ServiceEntry entry = draft.entries().get(0);
        assertEquals("X", entry.title().get("en").orElseThrow());
        assertFalse(entry.documents().get(0).condition().isValid());
        assertEquals(30, entry.reviewWindow().get(0).term().amount());
        assertTrue(entry.reviewWindow().get(0).condition().isAlways());
        assertEquals(java.time.LocalDate.of(2020, 1, 1), entry.effectiveFrom());
        assertEquals(CatalogProblem.Kind.CONDITION_SYNTAX,
                new CatalogValidator(Facts.standard()).validate(draft).get(0).kind());
    }

    @Test
    void refuses_unknown_fields_naming_the_file() {
        CatalogLoadException e = assertThrows(CatalogLoadException.class, () -> new CatalogLoader().load("index.json",
                files(Map.of("index.json", "{\"version\": 1, \"entries\": [\"x.json\"]}",
                        "x.json", ENTRY.replace("\"fee\"", "\"feeTypo\"")))));
        assertTrue(e.getMessage().contains("x.json"), e.getMessage());
        assertTrue(e.getMessage().contains("feeTypo"), e.getMessage());
    }

    @Test
    void reports_a_missing_file() {
        CatalogLoadException e = assertThrows(CatalogLoadException.class, () -> new CatalogLoader().load("index.json",
                files(Map.of("index.json", "{\"version\": 1, \"entries\": [\"gone.json\"]}"))));
        assertTrue(e.getMessage().contains("gone.json"));
    }

    @Test
    void loads_the_shipped_catalog_from_the_classpath() {
        CatalogDraft draft = new CatalogLoader().loadShipped();
        assertEquals(1, draft.version());
        assertEquals(18, draft.entries().size());
    }
}
