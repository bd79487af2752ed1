package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;
import static org.kerege.requirements.catalog.domain.ShippedCatalog.checklist;

/** Seed 001 §6: civil-status acts at the Consulate General for citizens living in the USA. */
class KyrgyzCivilRegistryChecklistTest {

    @Nested
    class Birth {

        @Test
        void both_parents_kyrgyz_in_the_usa_bring_the_six_documents_with_a_2_inch_photo() {
            Checklist c = checklist("kg.civil.birth", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "oneParentForeignCitizen", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "joint-application", "birth-act-form", "hospital-birth-confirmation",
                    "parents-identity-documents", "parents-marriage-certificate", "child-photo");
            assertTrue(c.document("hospital-birth-confirmation").orElseThrow().name().contains("apostille"));
            Checklist.Photo photo = c.photo().orElseThrow();
            assertEquals(PhotoSpec.SizeUnit.INCH, photo.unit());
            assertEquals(0, photo.width().compareTo(BigDecimal.valueOf(2)));
            assertEquals(1, photo.count());
        }

        @Test
        void a_foreign_parent_adds_written_consent_and_a_notarised_passport_copy() {
            Checklist c = checklist("kg.civil.birth", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "oneParentForeignCitizen", true));
            assertTrue(c.requiredDocumentIds().contains("foreign-parent-consent"));
            assertEquals(7, c.requiredDocumentIds().size());
        }

        @Test
        void is_registered_by_the_consulate_only_for_citizens_living_in_the_usa() {
            Checklist c = checklist("kg.civil.birth", Map.of("countryOfResidence", "KG", "citizenship", "KG"));
            assertEquals("lives-in-usa", failedRule(c));
        }
    }

    @Nested
    class Marriage {

        @Test
        void never_married_adult_brings_marital_status_certificate_and_is_registered_a_month_later() {
            Checklist c = checklist("kg.civil.marriage", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "maritalStatus", "single", "age", 25));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "joint-application", "identity-documents", "marital-status-certificate", "photos");
            assertEquals(2, c.document("photos").orElseThrow().count());
            assertEquals(1, c.reviewWindow().determined().amount());
            assertEquals(TermUnit.MONTHS, c.reviewWindow().determined().unit());
            assertTrue(c.inPersonSteps().get(0).text().contains("in person"));
        }

        @Test
        void divorced_17_year_old_brings_the_divorce_certificate_copy_and_guardians_permission() {
            Checklist c = checklist("kg.civil.marriage", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "maritalStatus", "divorced", "age", 17));
            requiresExactly(c, "joint-application", "identity-documents", "divorce-certificate-notarised-copy",
                    "guardian-permission", "photos");
        }

        @Test
        void a_married_person_cannot_marry() {
            assertEquals("not-already-married", failedRule(checklist("kg.civil.marriage",
                    Map.of("countryOfResidence", "US", "citizenship", "KG", "maritalStatus", "married", "age", 30))));
        }
    }

    @Nested
    class Death {

        @Test
        void close_person_in_the_usa_brings_application_passport_us_certificate_and_own_passport_copy() {
            Checklist c = checklist("kg.civil.death", Map.of("countryOfResidence", "US"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "applicant-application", "deceased-international-passport",
                    "us-death-registration-certificate", "applicant-passport-copy");
            assertTrue(c.document("deceased-international-passport").orElseThrow().notes().contains("sent to Kyrgyzstan"));
        }

        @Test
        void is_not_registered_by_this_consulate_for_a_death_outside_the_usa() {
            Checklist c = checklist("kg.civil.death", Map.of("countryOfResidence", "DE"));
            assertEquals(Checklist.Eligibility.NO, c.eligible());
        }
    }

    @Nested
    class Divorce {

        @Test
        void married_couple_agreeing_on_everything_brings_joint_application_ids_and_the_marriage_certificate() {
            Checklist c = checklist("kg.civil.divorce", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "maritalStatus", "married", "mutualConsentNoDispute", true, "documentsIssuedAbroad", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "joint-application", "identity-documents", "marriage-certificate");
            assertEquals(7, c.lists().get("joint-application-contents").size());
        }

        @Test
        void a_dispute_over_property_or_children_is_outside_the_consulates_competence() {
            Checklist c = checklist("kg.civil.divorce", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "maritalStatus", "married", "mutualConsentNoDispute", false));
            assertEquals("mutual-consent-no-dispute", failedRule(c));
        }

        @Test
        void an_unmarried_person_cannot_divorce() {
            assertEquals("is-married", failedRule(checklist("kg.civil.divorce", Map.of("countryOfResidence", "US",
                    "citizenship", "KG", "maritalStatus", "single", "mutualConsentNoDispute", true))));
        }
    }

    @Nested
    class NameChange {

        @Test
        void married_adult_with_children_replacing_uulu_with_ov_brings_own_application_and_family_certificates() {
            Checklist c = checklist("kg.civil.name-change", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "age", 30, "maritalStatus", "married", "hasMinorChildren", true, "nameChanged", false,
                    "nameChangeGround", 12, "documentsIssuedAbroad", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "own-application", "passport-copy-with-consular-mark", "birth-certificate",
                    "marriage-certificate", "children-birth-certificates", "paternity-certificate",
                    "us-stay-permit-notarised-copy");
            assertTrue(c.document("paternity-certificate").orElseThrow().optional());
        }

        @Test
        void child_of_14_taking_the_raising_parents_surname_needs_the_parents_application() {
            Checklist c = checklist("kg.civil.name-change", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "age", 14, "maritalStatus", "single", "hasMinorChildren", false, "nameChanged", false,
                    "nameChangeGround", 8));
            requiresExactly(c, "parents-application", "passport-copy-with-consular-mark", "birth-certificate",
                    "paternity-certificate", "us-stay-permit-notarised-copy");
        }

        @Test
        void divorced_applicant_returning_the_pre_marriage_surname_brings_the_divorce_certificate() {
            Checklist c = checklist("kg.civil.name-change", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "age", 40, "maritalStatus", "divorced", "hasMinorChildren", false, "nameChanged", true,
                    "nameChangeGround", 5));
            requiresExactly(c, "own-application", "passport-copy-with-consular-mark", "birth-certificate",
                    "paternity-certificate", "previous-name-change-certificate", "us-stay-permit-notarised-copy",
                    "divorce-certificate");
        }

        @Test
        void is_refused_outside_the_13_grounds() {
            Checklist c = checklist("kg.civil.name-change", Map.of("countryOfResidence", "US", "citizenship", "KG",
                    "nameChangeGround", 0));
            assertEquals("permitted-ground", failedRule(c));
            assertEquals(13, c.lists().get("name-change-grounds").size());
            assertTrue(c.lists().get("name-change-grounds").get(11).contains("kyzy"));
        }
    }
}
