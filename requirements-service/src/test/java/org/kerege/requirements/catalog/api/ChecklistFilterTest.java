package org.kerege.requirements.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests {@link ChecklistFilter} reads and may answer; what it answers is in CatalogApiTest. */
class ChecklistFilterTest {

    @Test
    void reads_the_checklist_path_of_any_code_with_or_without_a_trailing_slash() {
        assertEquals("kg.meken-card", ChecklistFilter.codeOf("/v1/services/kg.meken-card/checklist"));
        assertEquals("kg.meken-card", ChecklistFilter.codeOf("/v1/services/kg.meken-card/checklist/"));
        assertEquals("x", ChecklistFilter.codeOf("/v1/services/x/checklist"));
    }

    @Test
    void leaves_every_other_path_alone() {
        assertNull(ChecklistFilter.codeOf(null));
        assertNull(ChecklistFilter.codeOf("/v1/services"));
        assertNull(ChecklistFilter.codeOf("/v1/services/kg.meken-card"));
        assertNull(ChecklistFilter.codeOf("/v1/services//checklist"));
        assertNull(ChecklistFilter.codeOf("/v1/services/checklist"));
        assertNull(ChecklistFilter.codeOf("/v1/services/a/b/checklist"));
        assertNull(ChecklistFilter.codeOf("/v1/catalog/versions"));
        assertNull(ChecklistFilter.codeOf("/v1/services/kg.meken-card/checklists"));
    }

    @Test
    void answers_only_json_bodies_for_callers_that_accept_json() {
        assertTrue(ChecklistFilter.isJson("application/json"));
        assertTrue(ChecklistFilter.isJson("Application/JSON; charset=UTF-8"));
        assertFalse(ChecklistFilter.isJson(null));
        assertFalse(ChecklistFilter.isJson("text/plain"));
        assertFalse(ChecklistFilter.isJson("application/json-patch+json"));
        assertTrue(ChecklistFilter.acceptsJson(null));
        assertTrue(ChecklistFilter.acceptsJson("*/*"));
        assertTrue(ChecklistFilter.acceptsJson("application/json"));
        assertTrue(ChecklistFilter.acceptsJson("text/html, application/*;q=0.8"));
        assertFalse(ChecklistFilter.acceptsJson("application/xml"));
        assertFalse(ChecklistFilter.acceptsJson("text/html"));
    }
}
