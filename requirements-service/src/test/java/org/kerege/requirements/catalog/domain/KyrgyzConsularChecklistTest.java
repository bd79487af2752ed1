package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;
import static org.kerege.requirements.catalog.domain.ShippedCatalog.checklist;

/** Seed 001 §3-5: return certificate, driving licence exchange, Meken-card. Expected lists typed from 001. */
class KyrgyzConsularChecklistTest {

    @Nested
    class ReturnCertificate {

        @Test
        void citizen_in_russia_who_lost_the_passport_brings_identity_evidence_and_the_police_confirmation() {
            Checklist c = checklist("kg.return-certificate", Map.of("citizenship", "KG", "countryOfResidence", "RU",
                    "age", 30, "lostDocument", true));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "identity-evidence", "loss-report-confirmation");
            assertTrue(c.document("loss-report-confirmation").orElseThrow().notes().contains("written explanation"));
            assertEquals(30, c.validity().determined().amount());
            assertEquals(TermUnit.CALENDAR_DAYS, c.validity().determined().unit());
            assertTrue(c.fee().note().contains("Russian roubles"));
            assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("only for returning")));
        }

        @Test
        void child_without_passport_with_a_foreign_parent_brings_originals_photo_and_notarised_consent() {
            Checklist c = checklist("kg.return-certificate", Map.of("citizenship", "RU", "countryOfResidence", "RU",
                    "age", 12, "firstPassport", true, "oneParentForeignCitizen", true));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "minor-birth-certificate", "parents-passports-originals",
                    "parents-marriage-or-paternity-certificate", "child-photo", "foreign-parent-consent");
            Checklist.Photo photo = c.photo().orElseThrow();
            assertEquals(0, photo.width().compareTo(new BigDecimal("3.5")));
            assertEquals(0, photo.height().compareTo(new BigDecimal("4.5")));
            assertEquals(Boolean.TRUE, photo.colour());
            assertEquals(Set.of("The child need not come."), ChecklistAssertions.texts(c.inPersonSteps()));
        }

        @Test
        void expired_passport_holder_in_russia_brings_the_expired_passport() {
            Checklist c = checklist("kg.return-certificate", Map.of("citizenship", "KG", "countryOfResidence", "RU",
                    "age", 40, "documentProblem", "expired"));
            requiresExactly(c, "expired-passport");
        }

        @Test
        void is_not_issued_outside_russia() {
            Checklist c = checklist("kg.return-certificate", Map.of("citizenship", "KG", "countryOfResidence", "DE",
                    "age", 40, "documentProblem", "invalid"));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
            assertEquals("in-russian-federation", failedRule(c));
            requiresExactly(c, "invalid-passport");
        }

        @Test
        void is_not_issued_to_an_adult_whose_passport_is_fine() {
            Checklist c = checklist("kg.return-certificate", Map.of("citizenship", "KG", "countryOfResidence", "RU",
                    "age", 40, "lostDocument", false, "firstPassport", false, "documentProblem", "damaged"));
            assertEquals("ground-for-issue", failedRule(c));
        }
    }

    @Nested
    class DrivingLicence {

        @Test
        void expired_licence_with_kyrgyz_registration_brings_passport_medical_and_the_licence() {
            Checklist c = checklist("kg.driving-licence.exchange", Map.of("permanentRegistrationInKg", true,
                    "documentProblem", "expired", "nameChanged", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "passport", "medical-certificate", "licence-being-exchanged", "training-certificate",
                    "personal-driver-card");
            assertTrue(c.document("training-certificate").orElseThrow().optional());
            assertTrue(c.document("medical-certificate").orElseThrow().name().contains("003-В/У"));
            assertTrue(c.document("medical-certificate").orElseThrow().notes().contains("12 months"));
            assertTrue(c.fee().note().contains("bank card"));
        }

        @Test
        void lost_licence_after_a_name_change_without_registration_is_refused_but_lists_the_lost_licence_set() {
            Checklist c = checklist("kg.driving-licence.exchange", Map.of("permanentRegistrationInKg", false,
                    "lostDocument", true, "nameChanged", true));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
            assertEquals("permanent-registration-in-kyrgyzstan", failedRule(c));
            requiresExactly(c, "passport", "medical-certificate", "training-certificate", "personal-driver-card",
                    "name-change-or-marriage-certificate");
        }

        @Test
        void changed_personal_data_needs_the_original_certificate() {
            Checklist c = checklist("kg.driving-licence.exchange", Map.of("permanentRegistrationInKg", true,
                    "documentProblem", "data-changed"));
            assertTrue(c.requiredDocumentIds().contains("name-change-or-marriage-certificate"));
            assertTrue(c.requiredDocumentIds().contains("licence-being-exchanged"));
        }
    }

    @Nested
    class MekenCard {

        @ParameterizedTest(name = "citizen of {0}")
        @ValueSource(strings = {"KZ", "UZ", "TJ", "CN"})
        void rejects_meken_card_for_citizen_of_bordering_state(String country) {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", country, "category", "former-citizen",
                    "procedure", "general"));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
            assertEquals("not-citizen-of-bordering-state", failedRule(c));
            assertTrue(c.eligibility().stream().anyMatch(f -> f.reason().contains("bordering")));
        }

        @Test
        void former_citizen_living_in_germany_applying_at_a_mission_follows_the_general_60_day_procedure() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "DE", "countryOfResidence", "DE",
                    "category", "former-citizen", "procedure", "general", "applyingAtMissionAbroad", true,
                    "documentsIssuedAbroad", true));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "application", "foreign-passport", "no-criminal-record-country-of-citizenship",
                    "no-criminal-record-kyrgyzstan", "meken-card-fee-receipt", "consular-fee-receipt",
                    "citizenship-termination-proof");
            assertTrue(c.document("no-criminal-record-country-of-citizenship").orElseThrow().legalisation().note()
                    .contains("apostille"));
            assertEquals(60, c.reviewWindow().determined().amount());
            assertEquals(TermUnit.CALENDAR_DAYS, c.reviewWindow().determined().unit());
            assertEquals(10, c.validity().determined().amount());
            assertEquals(TermUnit.YEARS, c.validity().determined().unit());
            assertEquals(List.of(90, 30), c.deadlines().stream().map(d -> d.term().amount()).toList());
            assertEquals(TermUnit.WORKING_DAYS, c.deadlines().get(0).term().unit());
            assertEquals(Map.of("applyingAtMissionAbroad", true), c.fee().parameters());
            assertEquals(Set.of("A Kyrgyz diplomatic mission or consulate abroad (a consular fee is paid)."),
                    ChecklistAssertions.texts(c.whereToApply()));
            assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("valid foreign passport")));
        }

        @Test
        void grandchild_of_a_citizen_from_russia_in_kyrgyzstan_follows_the_simplified_30_day_procedure() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "RU", "category", "descendant-of-citizen",
                    "procedure", "simplified", "applyingAtMissionAbroad", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "application", "foreign-passport", "no-criminal-record-country-of-citizenship",
                    "meken-card-fee-receipt");
            assertEquals(30, c.reviewWindow().determined().amount());
        }

        @Test
        void child_of_a_citizen_general_procedure_brings_kinship_documents_and_the_citizens_passport() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "TR", "category", "descendant-of-citizen",
                    "procedure", "general", "applyingAtMissionAbroad", false, "documentsIssuedAbroad", false));
            requiresExactly(c, "application", "foreign-passport", "no-criminal-record-country-of-citizenship",
                    "no-criminal-record-kyrgyzstan", "meken-card-fee-receipt", "kinship-documents",
                    "citizen-relative-passport");
            assertNull(c.document("kinship-documents").orElseThrow().legalisation());
        }

        @Test
        void grandchild_of_a_former_citizen_brings_kinship_documents_and_proof_the_ancestors_citizenship_ended() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "US", "category", "descendant-of-former-citizen",
                    "procedure", "general", "applyingAtMissionAbroad", true, "documentsIssuedAbroad", false));
            requiresExactly(c, "application", "foreign-passport", "no-criminal-record-country-of-citizenship",
                    "no-criminal-record-kyrgyzstan", "meken-card-fee-receipt", "consular-fee-receipt",
                    "kinship-documents", "ancestor-citizenship-termination-proof");
        }

        @Test
        void person_born_in_the_kyrgyz_ssr_brings_the_kyrgyz_ssr_birth_certificate() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "IL", "category", "born-in-kyrgyz-ssr",
                    "procedure", "general", "applyingAtMissionAbroad", false));
            requiresExactly(c, "application", "foreign-passport", "no-criminal-record-country-of-citizenship",
                    "no-criminal-record-kyrgyzstan", "meken-card-fee-receipt", "kyrgyz-ssr-birth-certificate");
        }

        @Test
        void rejects_a_kyrgyz_citizen() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "KG", "category", "former-citizen"));
            assertEquals("holds-foreign-citizenship", failedRule(c));
        }

        @Test
        void without_procedure_and_category_cannot_tell_and_offers_both_review_windows() {
            Checklist c = checklist("kg.meken-card", Map.of("citizenship", "DE"));
            assertEquals(Checklist.Eligibility.UNKNOWN, c.eligible());
            assertEquals(Set.of("category"), c.eligibility().get(2).missingFacts());
            assertNull(c.reviewWindow().determined());
            assertEquals(List.of(60, 30), c.reviewWindow().alternatives().stream().map(a -> a.term().amount()).toList());
            assertTrue(c.conditionalDocumentIds().containsAll(List.of("no-criminal-record-kyrgyzstan",
                    "citizenship-termination-proof", "kinship-documents")));
        }
    }
}
