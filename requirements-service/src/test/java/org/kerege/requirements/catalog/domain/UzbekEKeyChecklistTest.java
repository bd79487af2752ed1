package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.failedRule;
import static org.kerege.requirements.catalog.domain.ChecklistAssertions.requiresExactly;
import static org.kerege.requirements.catalog.domain.ShippedCatalog.checklist;

/** Seed 004: the electronic signature key (ENQ / E-IMZO) through three channels. */
class UzbekEKeyChecklistTest {

    @Nested
    class Individual {

        @Test
        void at_a_public_services_centre_brings_id_phone_number_and_own_flash_drive() {
            Checklist c = checklist("uz.e-key.individual", Map.of("applicantType", "individual",
                    "channel", "service-centre"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            requiresExactly(c, "identity-document", "mobile-number", "storage-device");
            assertEquals(2, c.inPersonSteps().size());
            assertTrue(c.inPersonSteps().get(1).text().contains("never share"));
            assertEquals("uz.e-key", c.fee().code());
            assertEquals(Map.of("applicantType", "individual", "channel", "service-centre"), c.fee().parameters());
            assertEquals(BookingPolicy.WALK_IN_ONLY, c.booking().policy());
        }

        @Test
        void through_e_imzo_gives_pinfl_phone_and_a_selfie_with_the_passport_and_needs_no_visit() {
            Checklist c = checklist("uz.e-key.individual", Map.of("applicantType", "individual", "channel", "e-imzo.uz"));
            requiresExactly(c, "tin-or-pinfl", "mobile-number", "photo-and-selfie-with-passport");
            assertEquals(List.of(), c.inPersonSteps());
            assertTrue(c.notes().get(0).text().contains("Get an electronic key"));
            assertEquals(12, c.lists().get("e-imzo-steps").size());
        }

        @Test
        void through_my_gov_uz_gets_the_10_percent_discount() {
            Checklist c = checklist("uz.e-key.individual", Map.of("applicantType", "individual", "channel", "my.gov.uz"));
            requiresExactly(c);
            assertTrue(c.notes().get(0).text().contains("10% discount"));
        }

        @Test
        void a_legal_entity_is_sent_to_its_own_entry() {
            assertEquals("applicant-type", failedRule(checklist("uz.e-key.individual",
                    Map.of("applicantType", "legal-entity"))));
        }
    }

    @Nested
    class LegalEntity {

        @Test
        void via_my_gov_uz_pays_7_percent_of_bem_less_10_percent() {
            Checklist c = checklist("uz.e-key.legal-entity", Map.of("applicantType", "legal-entity",
                    "channel", "my.gov.uz"));
            assertEquals(Checklist.Eligibility.YES, c.eligible());
            assertEquals(Map.of("applicantType", "legal-entity", "channel", "my.gov.uz"), c.fee().parameters());
            assertTrue(c.lists().get("price").get(1).contains("7%"));
            assertTrue(c.fee().note().contains("1%") && c.fee().note().contains("7%") && c.fee().note().contains("10%"));
        }

        @Test
        void at_a_centre_brings_the_same_three_things() {
            Checklist c = checklist("uz.e-key.legal-entity", Map.of("applicantType", "legal-entity",
                    "channel", "service-centre"));
            requiresExactly(c, "identity-document", "mobile-number", "storage-device");
        }

        @Test
        void an_individual_is_sent_to_the_individual_entry() {
            assertEquals("applicant-type", failedRule(checklist("uz.e-key.legal-entity",
                    Map.of("applicantType", "individual"))));
        }
    }

    @Test
    void offers_three_channels_two_of_them_online() {
        Checklist c = checklist("uz.e-key.individual", Map.of());
        assertEquals(List.of("service-centre", "my.gov.uz", "e-imzo.uz"),
                c.channels().stream().map(Checklist.ChannelItem::id).toList());
        assertEquals(List.of(false, true, true), c.channels().stream().map(Checklist.ChannelItem::online).toList());
        assertEquals("https://e-imzo.uz", c.channels().get(2).url());
    }

    @Test
    void answers_in_karakalpak() {
        Checklist c = ShippedCatalog.checklist("uz.e-key.individual", ShippedCatalog.TODAY,
                Map.of("channel", "service-centre"), "kaa");
        assertEquals("kaa", c.language());
        assertEquals("Shaxstı tastıyıqlaytuǵın hújjet (pasport yamasa ID karta)",
                c.document("identity-document").orElseThrow().name());
    }
}
