package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;
import static org.kerege.requirements.catalog.domain.ShippedCatalog.checklist;

/** Seeds 000 and 001 §1-2: the 2017-model ID passport and the international passport. Expected lists typed from 001. */
class KyrgyzPassportChecklistTest {

    @Nested
    class IdCard {

        @Test
        void married_adult_in_the_usa_replacing_a_passport_brings_list_1_with_apostilled_us_documents() {
            Checklist c = checklist("kg.passport.id-card", Map.of("citizenship", "KG", "age", 35, "firstPassport", false,
                    "lostDocument", false, "nameChanged", false, "maritalStatus", "married",
                    "documentsIssuedAbroad", true, "countryOfResidence", "US"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "replaced-passport", "birth-certificate-if-any", "photo", "marriage-or-divorce-certificate");
            assertTrue(c.document("birth-certificate-if-any").orElseThrow().optional());
            assertTrue(c.document("marriage-or-divorce-certificate").orElseThrow().legalisation().note()
                    .contains("apostille"));
            assertNull(c.document("photo").orElseThrow().legalisation());
            assertEquals(Set.of("The Consulate General of the Kyrgyz Republic."),
                    ChecklistAssertions.texts(c.whereToApply()));
        }

        @Test
        void widowed_citizen_at_home_who_lost_the_passport_and_changed_name_brings_the_loss_statement() {
            Checklist c = checklist("kg.passport.id-card", Map.of("citizenship", "KG", "age", 50, "firstPassport", false,
                    "lostDocument", true, "nameChanged", true, "maritalStatus", "widowed",
                    "documentsIssuedAbroad", false, "countryOfResidence", "KG", "homeDelivery", true));
            requiresExactly(c, "lost-passport-copy", "birth-certificate-if-any", "photo", "name-change-certificate",
                    "spouse-death-certificate", "loss-statement");
            assertNull(c.document("name-change-certificate").orElseThrow().legalisation());
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().contains("home delivery")));
            assertFalse(c.inPersonSteps().stream().anyMatch(s -> s.text().startsWith("Collect")));
            assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("Halyk") && n.text().contains("QR code")));
            assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("8008")));
        }

        @Test
        void on_turning_16_brings_birth_certificate_and_parents_passports() {
            Checklist c = checklist("kg.passport.id-card", Map.of("citizenship", "KG", "age", 16, "firstPassport", true,
                    "documentsIssuedAbroad", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "birth-certificate", "parents-passports");
        }

        @Test
        void is_not_issued_under_16() {
            Checklist c = checklist("kg.passport.id-card", Map.of("citizenship", "KG", "age", 15));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
            assertEquals("aged-16-or-over", failedRule(c));
        }

        @Test
        void is_not_issued_to_a_foreigner() {
            Checklist c = checklist("kg.passport.id-card", Map.of("citizenship", "KZ", "age", 30));
            assertEquals("citizen-of-kyrgyzstan", failedRule(c));
        }

        @Test
        void photo_is_4_by_6_cm_white_electronic() {
            Checklist c = checklist("kg.passport.id-card", Map.of("firstPassport", false));
            Checklist.Photo photo = c.photo().orElseThrow();
            assertEquals(0, photo.width().compareTo(BigDecimal.valueOf(4)));
            assertEquals(0, photo.height().compareTo(BigDecimal.valueOf(6)));
            assertEquals(PhotoSpec.SizeUnit.CM, photo.unit());
            assertEquals("white", photo.background());
            assertEquals(Boolean.TRUE, photo.electronic());
        }

        @Test
        void answers_in_kyrgyz_with_the_seed_wording() {
            Checklist c = checklist("kg.passport.id-card", ShippedCatalog.TODAY,
                    Map.of("firstPassport", false, "lostDocument", true), "ky");
            assertEquals("ky", c.language());
            assertEquals("2017-жылдын үлгүсүндөгү паспорт (ID-карта)", c.title());
            assertEquals("Жоголгон паспорттун көчүрмөсү (болсо)", c.document("lost-passport-copy").orElseThrow().name());
            assertEquals("kg.passport.id-card", c.fee().code());
            assertNotNull(c.reviewWindow().unstated());
        }
    }

    @Nested
    class International {

        @Test
        void child_of_10_whose_parent_died_brings_list_2_1_with_the_death_certificate() {
            Checklist c = checklist("kg.passport.international", Map.of("citizenship", "KG", "age", 10,
                    "absentParentReason", "deceased", "documentsIssuedAbroad", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "photo", "birth-certificate", "parents-passports", "parent-death-certificate",
                    "parents-application");
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().contains("parents")));
        }

        @Test
        void adult_who_lost_the_passport_brings_copy_and_loss_statement() {
            Checklist c = checklist("kg.passport.international", Map.of("citizenship", "KG", "age", 30,
                    "firstPassport", false, "lostDocument", true, "nameChanged", false, "maritalStatus", "single",
                    "documentsIssuedAbroad", false));
            requiresExactly(c, "lost-passport-copy", "birth-certificate-if-any", "photo", "loss-statement");
        }

        @Test
        void with_only_citizenship_known_everything_but_the_photo_is_conditional() {
            Checklist c = checklist("kg.passport.international", Map.of("citizenship", "KG"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            assertEquals(java.util.List.of("photo"), c.requiredDocumentIds());
            assertTrue(c.conditionalDocumentIds().contains("parents-passports"));
            assertTrue(c.conditionalDocumentIds().contains("replaced-passport"));
            assertTrue(c.missingFacts().containsAll(Set.of("age", "lostDocument", "maritalStatus")));
            assertEquals("age < 16", c.document("birth-certificate").orElseThrow().condition());
        }
    }
}
