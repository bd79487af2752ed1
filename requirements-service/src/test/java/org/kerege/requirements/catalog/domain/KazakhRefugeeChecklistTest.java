package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;

/** Seed 003: the Kazakh refugee-status standard, asked about a date while it was in force. */
class KazakhRefugeeChecklistTest {

    private static final LocalDate IN_FORCE = LocalDate.of(2013, 6, 1);

    private static Checklist checklist(String code, Map<String, ?> facts, String... languages) {
        return ShippedCatalog.checklist(code, IN_FORCE, facts, languages.length == 0 ? new String[]{"en"} : languages);
    }

    @Nested
    class Grant {

        @Test
        void asylum_seeker_in_kazakhstan_joining_family_brings_petition_ids_and_family_evidence() {
            Checklist c = checklist("kz.refugee.grant", Map.of("citizenship", "AF", "countryOfResidence", "KZ",
                    "protectionStatus", "asylum-seeker", "familyReunification", true));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "petition", "identity-documents", "supporting-documents", "family-relation-evidence");
            assertTrue(c.document("supporting-documents").orElseThrow().optional());
            assertEquals(3, c.reviewWindow().determined().amount());
            assertEquals(TermUnit.MONTHS, c.reviewWindow().determined().unit());
            assertEquals("kz.refugee", c.fee().code());
            assertTrue(c.fee().free());
            assertEquals(BookingPolicy.WALK_IN_ONLY, c.booking().policy());
            assertEquals(15, c.booking().minMinutes());
            assertEquals(30, c.booking().maxMinutes());
            assertEquals(java.time.LocalTime.of(13, 0), c.openingHours().breakStarts());
            assertTrue(c.whereToApply().get(0).text().contains("place of residence"));
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().contains("talon")));
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().contains("asylum-seeker certificate")));
            assertTrue(c.deadlines().stream().anyMatch(d -> d.id().equals("refugee-certificate-handover")
                    && d.term().amount() == 5 && d.term().unit() == TermUnit.WORKING_DAYS));
            assertEquals(9, c.lists().get("refusal-grounds").size());
        }

        @Test
        void person_not_yet_in_kazakhstan_applies_in_writing_at_an_embassy() {
            Checklist c = checklist("kz.refugee.grant", Map.of("citizenship", "SY", "countryOfResidence", "TR",
                    "atBorderCrossing", false, "protectionStatus", "none", "familyReunification", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "petition", "identity-documents", "supporting-documents");
            assertEquals(1, c.whereToApply().size());
            assertTrue(c.whereToApply().get(0).text().contains("embassy or consulate"));
        }

        @Test
        void at_the_border_the_petition_goes_to_the_migration_checkpoint() {
            Checklist c = checklist("kz.refugee.grant", Map.of("citizenship", "UZ", "countryOfResidence", "UZ",
                    "atBorderCrossing", true));
            assertEquals(1, c.whereToApply().size());
            assertTrue(c.whereToApply().get(0).text().contains("migration checkpoint"));
        }

        @Test
        void a_kazakh_citizen_cannot_be_granted_refugee_status() {
            assertEquals("not-citizen-of-kazakhstan",
                    failedRule(checklist("kz.refugee.grant", Map.of("citizenship", "KZ", "protectionStatus", "none"))));
        }

        @Test
        void a_recognised_refugee_is_sent_to_the_extension() {
            assertEquals("not-yet-a-refugee",
                    failedRule(checklist("kz.refugee.grant", Map.of("citizenship", "AF", "protectionStatus", "refugee"))));
        }

        @Test
        void answers_in_kazakh_with_the_standards_wording() {
            Checklist c = checklist("kz.refugee.grant", Map.of("familyReunification", false), "kk");
            assertEquals("kk", c.language());
            assertEquals("Қазақстан Республикасында босқын мәртебесін беру", c.title());
            assertTrue(c.document("petition").orElseThrow().name().startsWith("Осы стандарттың 2-қосымшасына"));
        }
    }

    @Nested
    class Extend {

        @Test
        void refugee_brings_petition_identity_documents_and_any_supporting_material() {
            Checklist c = checklist("kz.refugee.extend", Map.of("citizenship", "AF", "countryOfResidence", "KZ",
                    "protectionStatus", "refugee", "familyReunification", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "petition", "identity-documents", "supporting-documents");
            assertTrue(c.lists().get("petition-form-fields").stream()
                    .anyMatch(f -> f.contains("when and for how long status was granted")));
        }

        @Test
        void an_asylum_seeker_cannot_extend_a_status_not_yet_granted() {
            assertEquals("holds-refugee-status", failedRule(checklist("kz.refugee.extend",
                    Map.of("citizenship", "AF", "protectionStatus", "asylum-seeker"))));
        }
    }

    @Test
    void after_the_repeal_the_catalog_says_the_standard_is_no_longer_in_force() {
        EntryLookup lookup = ShippedCatalog.VERSION.lookup("kz.refugee.extend", LocalDate.of(2014, 5, 10));
        assertEquals(EntryLookup.Status.NO_LONGER_IN_FORCE, lookup.status());
        assertEquals(LocalDate.of(2014, 5, 10), lookup.since());
    }
}
