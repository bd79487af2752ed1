package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog in src/main/resources validates cleanly and carries every figure of the domain digest. */
class ShippedCatalogTest {

    @Nested
    class Validation {

        @Test
        void shipped_catalog_has_no_problems() {
            CatalogDraft draft = new CatalogLoader().loadShipped();
            List<CatalogProblem> problems = new CatalogValidator(Facts.standard()).validate(draft);
            assertEquals(List.of(), problems);
        }

        @Test
        void shipped_catalog_publishes_as_version_1() {
            CatalogVersion version = CatalogPublisher.standard()
                    .publish(new CatalogLoader().loadShipped(), null, Instant.EPOCH);
            assertEquals(1, version.number());
        }

        @Test
        void holds_every_service_of_the_sources() {
            assertEquals(Set.of(
                    "kg.passport.id-card", "kg.passport.international", "kg.return-certificate",
                    "kg.driving-licence.exchange", "kg.meken-card", "kg.civil.birth", "kg.civil.marriage",
                    "kg.civil.death", "kg.civil.divorce", "kg.civil.name-change",
                    "mn.passport.new", "mn.passport.reissue", "mn.passport.extension", "mn.passport.invalidation",
                    "kz.refugee.grant", "kz.refugee.extend",
                    "uz.e-key.individual", "uz.e-key.legal-entity"), ShippedCatalog.VERSION.codes());
        }

        @Test
        void every_entry_has_english_and_its_source_language_title() {
            for (ServiceEntry e : ShippedCatalog.VERSION.entries()) {
                assertTrue(e.title().has("en"), e.code());
                assertTrue(e.title().has(e.sourceLanguage()), e.code());
            }
        }

        @Test
        void source_languages_match_the_seeds() {
            assertEquals("ky", ShippedCatalog.entry("kg.meken-card", ShippedCatalog.TODAY).sourceLanguage());
            assertEquals("mn", ShippedCatalog.entry("mn.passport.new", ShippedCatalog.TODAY).sourceLanguage());
            assertEquals("kk", ShippedCatalog.entry("kz.refugee.grant", LocalDate.of(2013, 1, 1)).sourceLanguage());
            assertEquals("kaa", ShippedCatalog.entry("uz.e-key.individual", ShippedCatalog.TODAY).sourceLanguage());
        }
    }

    /** Figures of /work/shared/domain/digest.md, typed in by hand. */
    @Nested
    class DigestFigures {

        private Term onlyTerm(List<TermRule> rules) {
            assertEquals(1, rules.size());
            return rules.get(0).term();
        }

        @Test
        void meken_card_reviews_60_days_general_and_30_days_simplified() {
            ServiceEntry meken = ShippedCatalog.entry("kg.meken-card", ShippedCatalog.TODAY);
            assertEquals(2, meken.reviewWindow().size());
            assertEquals("procedure == general", meken.reviewWindow().get(0).condition().source());
            assertEquals(60, meken.reviewWindow().get(0).term().amount());
            assertEquals(TermUnit.CALENDAR_DAYS, meken.reviewWindow().get(0).term().unit());
            assertEquals("procedure == simplified", meken.reviewWindow().get(1).condition().source());
            assertEquals(30, meken.reviewWindow().get(1).term().amount());
        }

        @Test
        void meken_card_is_valid_10_years() {
            Term validity = onlyTerm(ShippedCatalog.entry("kg.meken-card", ShippedCatalog.TODAY).validity());
            assertEquals(10, validity.amount());
            assertEquals(TermUnit.YEARS, validity.unit());
        }

        @Test
        void meken_card_holder_registers_within_90_working_days_and_re_registers_after_30_calendar_days() {
            ServiceEntry meken = ShippedCatalog.entry("kg.meken-card", ShippedCatalog.TODAY);
            Deadline registration = meken.deadlines().get(0);
            assertEquals("registration-after-entry", registration.id());
            assertEquals(90, registration.term().amount());
            assertEquals(TermUnit.WORKING_DAYS, registration.term().unit());
            assertEquals("border-crossing", registration.term().startsOn());
            Deadline move = meken.deadlines().get(1);
            assertEquals(30, move.term().amount());
            assertEquals(TermUnit.CALENDAR_DAYS, move.term().unit());
        }

        @Test
        void bordering_states_are_kazakhstan_uzbekistan_tajikistan_china() {
            assertEquals(List.of("KZ", "UZ", "TJ", "CN"),
                    ShippedCatalog.VERSION.referenceLists().find("kg.bordering-states").orElseThrow().values());
        }

        @Test
        void return_certificate_is_valid_30_calendar_days_from_receipt() {
            Term validity = onlyTerm(ShippedCatalog.entry("kg.return-certificate", ShippedCatalog.TODAY).validity());
            assertEquals(30, validity.amount());
            assertEquals(TermUnit.CALENDAR_DAYS, validity.unit());
            assertEquals("receipt", validity.startsOn());
        }

        @Test
        void marriage_is_registered_one_month_after_the_joint_application() {
            Term review = onlyTerm(ShippedCatalog.entry("kg.civil.marriage", ShippedCatalog.TODAY).reviewWindow());
            assertEquals(1, review.amount());
            assertEquals(TermUnit.MONTHS, review.unit());
            assertEquals("joint-application", review.startsOn());
        }

        @Test
        void refugee_decision_within_3_months_certificate_within_5_working_days_deferral_notice_within_2() {
            ServiceEntry grant = ShippedCatalog.entry("kz.refugee.grant", LocalDate.of(2013, 6, 1));
            Term review = onlyTerm(grant.reviewWindow());
            assertEquals(3, review.amount());
            assertEquals(TermUnit.MONTHS, review.unit());
            assertEquals("petition-registered", review.startsOn());
            assertEquals(new Term(5, TermUnit.WORKING_DAYS, "decision", null).withoutNote(),
                    deadline(grant, "refugee-certificate-handover").withoutNote());
            assertEquals(new Term(2, TermUnit.WORKING_DAYS, "deferral-decision", null).withoutNote(),
                    deadline(grant, "deferral-notice").withoutNote());
            assertEquals(new Term(1, TermUnit.YEARS, "deferral-decision", null).withoutNote(),
                    deadline(grant, "deferred-decision").withoutNote());
        }

        @Test
        void refugee_service_is_free_walk_in_only_15_to_30_minutes_open_9_to_18_30_with_lunch() {
            ServiceEntry grant = ShippedCatalog.entry("kz.refugee.grant", LocalDate.of(2013, 6, 1));
            assertTrue(grant.fee().free());
            assertEquals("kz.refugee", grant.fee().code());
            assertEquals(BookingPolicy.WALK_IN_ONLY, grant.booking().policy());
            assertTrue(grant.booking().policyFromSource());
            assertEquals(15, grant.booking().minMinutes());
            assertEquals(30, grant.booking().maxMinutes());
            assertEquals("09:00", grant.openingHours().opens().toString());
            assertEquals("18:30", grant.openingHours().closes().toString());
            assertEquals("13:00", grant.openingHours().breakStarts().toString());
            assertEquals("14:30", grant.openingHours().breakEnds().toString());
            assertEquals(5, grant.openingHours().days().size());
        }

        @Test
        void refugee_standard_lists_9_refusal_grounds() {
            ServiceEntry grant = ShippedCatalog.entry("kz.refugee.grant", LocalDate.of(2013, 6, 1));
            assertEquals(9, grant.lists().get("refusal-grounds").size());
            assertTrue(grant.lists().get("petition-form-fields").size() >= 20);
        }

        @Test
        void name_change_has_13_permitted_grounds() {
            assertEquals(13, ShippedCatalog.entry("kg.civil.name-change", ShippedCatalog.TODAY)
                    .lists().get("name-change-grounds").size());
        }

        @Test
        void mongolian_passport_is_valid_5_years_and_extends_by_1_to_5_years() {
            assertEquals(5, onlyTerm(ShippedCatalog.entry("mn.passport.new", ShippedCatalog.TODAY).validity()).amount());
            List<TermRule> extension = ShippedCatalog.entry("mn.passport.extension", ShippedCatalog.TODAY).validity();
            assertEquals(5, extension.size());
            for (int years = 1; years <= 5; years++) {
                assertEquals("extensionYears == " + years, extension.get(years - 1).condition().source());
                assertEquals(years, extension.get(years - 1).term().amount());
            }
        }

        @Test
        void mongolian_photos_are_3_of_35_by_45_mm_and_reissue_photos_at_most_6_months_old() {
            DocumentRequirement photos = ShippedCatalog.entry("mn.passport.new", ShippedCatalog.TODAY)
                    .document("photos").orElseThrow();
            assertEquals(3, photos.count());
            assertEquals(0, photos.photo().width().compareTo(new java.math.BigDecimal("3.5")));
            assertEquals(0, photos.photo().height().compareTo(new java.math.BigDecimal("4.5")));
            assertEquals(PhotoSpec.SizeUnit.CM, photos.photo().unit());
            assertEquals("white", photos.photo().background());
            assertEquals(6, photos.photo().standard().size());
            assertEquals(6, ShippedCatalog.entry("mn.passport.reissue", ShippedCatalog.TODAY)
                    .document("photos").orElseThrow().photo().maxAgeMonths());
        }

        @Test
        void mongolian_legal_basis_cites_resolution_126_and_order_a549() {
            List<LegalAct> acts = ShippedCatalog.entry("mn.passport.new", ShippedCatalog.TODAY).legalBasis();
            assertTrue(acts.stream().anyMatch(a -> a.citation().get("en").orElseThrow().contains("No. 126 of 2016")));
            assertTrue(acts.stream().anyMatch(a -> a.citation().get("en").orElseThrow().contains("A/549 of 2016-06-09")));
        }

        @Test
        void fee_codes_are_the_documented_ones() {
            assertEquals("kg.passport.id-card", fee("kg.passport.id-card"));
            assertEquals("kg.return-certificate", fee("kg.return-certificate"));
            assertEquals("mn.passport.new", fee("mn.passport.new"));
            assertEquals("mn.passport.new", fee("mn.passport.reissue"));
            assertEquals("mn.passport.extension", fee("mn.passport.extension"));
            assertEquals(null, fee("mn.passport.invalidation"));
            assertEquals("uz.e-key", fee("uz.e-key.individual"));
            assertEquals("uz.e-key", fee("uz.e-key.legal-entity"));
            assertEquals(List.of("extensionYears"),
                    ShippedCatalog.entry("mn.passport.extension", ShippedCatalog.TODAY).fee().parameters());
        }

        @Test
        void kyrgyz_id_photo_is_4_by_6_cm_white_electronic() {
            PhotoSpec photo = ShippedCatalog.entry("kg.passport.id-card", ShippedCatalog.TODAY)
                    .document("photo").orElseThrow().photo();
            assertNotNull(photo);
            assertEquals(0, photo.width().compareTo(java.math.BigDecimal.valueOf(4)));
            assertEquals(0, photo.height().compareTo(java.math.BigDecimal.valueOf(6)));
            assertEquals("white", photo.background());
            assertEquals(Boolean.TRUE, photo.electronic());
        }

        private String fee(String code) {
            return ShippedCatalog.entry(code, ShippedCatalog.TODAY).fee().code();
        }

        private Term deadline(ServiceEntry entry, String id) {
            return entry.deadlines().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().term();
        }
    }
}
