package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;
import static org.kerege.requirements.catalog.domain.ShippedCatalog.checklist;

/** Seed 002: the Mongolian ordinary passport — new, re-issue, extension, invalidation. */
class MongolianPassportChecklistTest {

    @Nested
    class NewPassport {

        @Test
        void adult_brings_id_card_three_photos_and_receipt_and_comes_in_person() {
            Checklist c = checklist("mn.passport.new", Map.of("citizenship", "MN", "age", 30, "priorityApplicant", false,
                    "urgent", true));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "citizen-id-card", "photos", "payment-receipt");
            Checklist.Photo photo = c.photo().orElseThrow();
            assertEquals(3, photo.count());
            assertEquals(0, photo.width().compareTo(new BigDecimal("3.5")));
            assertEquals(0, photo.height().compareTo(new BigDecimal("4.5")));
            assertTrue(photo.standard().stream().anyMatch(s -> s.contains("ICAO")));
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().equals("The applicant comes in person.")));
            assertTrue(c.inPersonSteps().stream().anyMatch(s -> s.text().contains("pages 4 and 6")));
            assertTrue(c.whereToApply().stream().anyMatch(w -> w.text().contains("halls \"A\" and \"B\"")));
            assertEquals("mn.passport.new", c.fee().code());
            assertEquals(Map.of("urgent", true), c.fee().parameters());
            assertEquals(5, c.validity().determined().amount());
            assertEquals(TermUnit.YEARS, c.validity().determined().unit());
        }

        @Test
        void child_under_16_with_a_guardian_brings_originals_and_copies_from_the_representative() {
            Checklist c = checklist("mn.passport.new", Map.of("citizenship", "MN", "age", 10,
                    "representativeIsGuardian", true));
            requiresExactly(c, "child-birth-certificate", "representative-id-card", "guardian-appointment-decision",
                    "photos", "payment-receipt");
            assertEquals("original + copy", c.document("child-birth-certificate").orElseThrow().notes());
            assertFalse(c.inPersonSteps().stream().anyMatch(s -> s.text().equals("The applicant comes in person.")));
        }

        @Test
        void pregnant_elderly_or_disabled_applicants_go_to_window_11() {
            Checklist c = checklist("mn.passport.new", Map.of("citizenship", "MN", "age", 70, "priorityApplicant", true));
            assertTrue(c.whereToApply().stream().anyMatch(w -> w.text().contains("window 11")));
            assertFalse(c.whereToApply().stream().anyMatch(w -> w.text().contains("halls \"A\" and \"B\"")));
        }

        @Test
        void is_issued_only_to_mongolian_citizens() {
            assertEquals("citizen-of-mongolia", failedRule(checklist("mn.passport.new", Map.of("citizenship", "CN"))));
        }

        @Test
        void answers_in_mongolian() {
            Checklist c = checklist("mn.passport.new", ShippedCatalog.TODAY, Map.of("age", 30), "mn");
            assertEquals("mn", c.language());
            assertEquals("Гадаад паспорт шинээр авах", c.title());
            assertEquals("Иргэний үнэмлэх", c.document("citizen-id-card").orElseThrow().name());
            assertEquals(8, c.legalBasis().size());
        }
    }

    @Nested
    class Reissue {

        @Test
        void brings_electronic_id_recent_photos_receipt_and_the_previous_passport() {
            Checklist c = checklist("mn.passport.reissue", Map.of("citizenship", "MN", "lostDocument", false));
            requiresExactly(c, "electronic-id-card", "photos", "payment-receipt", "previous-passport");
            assertEquals(6, c.photo().orElseThrow().maxAgeMonths());
            assertEquals("mn.passport.new", c.fee().code());
        }

        @Test
        void after_a_loss_has_no_previous_passport_and_is_pointed_to_invalidation_first() {
            Checklist c = checklist("mn.passport.reissue", Map.of("citizenship", "MN", "lostDocument", true));
            requiresExactly(c, "electronic-id-card", "photos", "payment-receipt");
            assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("control state inspector")));
        }
    }

    @Nested
    class Extension {

        @Test
        void three_year_extension_is_valid_three_more_years_and_passes_the_years_to_payments() {
            Checklist c = checklist("mn.passport.extension", Map.of("citizenship", "MN", "extensionYears", 3,
                    "lostDocument", false));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "electronic-id-card", "previous-passport", "payment-receipt");
            assertEquals(3, c.validity().determined().amount());
            assertEquals(TermUnit.YEARS, c.validity().determined().unit());
            assertEquals("mn.passport.extension", c.fee().code());
            assertEquals(Map.of("extensionYears", 3), c.fee().parameters());
            assertTrue(c.whereToApply().get(0).text().contains("building 1, floor 2"));
        }

        @Test
        void without_the_number_of_years_offers_one_to_five_and_asks_for_it() {
            Checklist c = checklist("mn.passport.extension", Map.of("citizenship", "MN"));
            assertNull(c.validity().determined());
            assertEquals(List.of(1, 2, 3, 4, 5), c.validity().alternatives().stream().map(a -> a.term().amount()).toList());
            assertTrue(c.fee().missingParameters().contains("extensionYears"));
        }

        @Test
        void a_lost_passport_cannot_be_extended() {
            assertEquals("previous-passport-in-hand", failedRule(checklist("mn.passport.extension",
                    Map.of("citizenship", "MN", "lostDocument", true, "extensionYears", 1))));
        }
    }

    @Nested
    class Invalidation {

        @Test
        void expired_passport_goes_directly_to_the_state_registrar_with_no_documents() {
            Checklist c = checklist("mn.passport.invalidation", Map.of("citizenship", "MN", "documentProblem", "expired",
                    "passportIssuedOn", "2014-03-01"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c);
            assertEquals(List.of("Apply directly to the state registrar."),
                    c.inPersonSteps().stream().map(Checklist.Item::text).toList());
            assertEquals(List.of(), c.whereToApply());
            assertNull(c.fee().code());
            assertTrue(c.fee().unstated().contains("no fee"));
        }

        @Test
        void changed_appearance_needs_the_medical_statement() {
            Checklist c = checklist("mn.passport.invalidation", Map.of("citizenship", "MN",
                    "documentProblem", "appearance-changed"));
            requiresExactly(c, "medical-statement");
        }

        @Test
        void lost_passport_issued_after_july_2015_goes_through_the_inspector_in_building_3_floor_3() {
            Checklist c = checklist("mn.passport.invalidation", Map.of("citizenship", "MN", "lostDocument", true,
                    "passportIssuedOn", "2016-05-20"));
            requiresExactly(c);
            assertEquals(1, c.inPersonSteps().size());
            assertTrue(c.inPersonSteps().get(0).text().contains("control state inspector"));
            assertTrue(c.whereToApply().get(0).text().contains("building 3, floor 3"));
        }

        @Test
        void a_valid_undamaged_passport_is_not_invalidated() {
            Checklist c = checklist("mn.passport.invalidation", Map.of("citizenship", "MN", "lostDocument", false));
            assertEquals(Checklist.Eligibility.UNKNOWN, c.eligible());
            assertTrue(c.missingFacts().contains("documentProblem"));
            assertEquals(3, c.lists().get("invalidation-directly-at-registrar").size());
            assertEquals(5, c.lists().get("invalidation-via-control-inspector").size());
        }
    }
}
