package org.kerege.requirements.catalog.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.requirements.catalog.domain.EntryBuilder.draft;
import static org.kerege.requirements.catalog.domain.EntryBuilder.text;

/** "Entry X as it stood on date D", with several dated rule sets per code and repeals. */
class CatalogVersionTest {

    private static CatalogVersion version(ServiceEntry... entries) {
        return CatalogPublisher.standard().publish(draft(entries), null, Instant.EPOCH);
    }

    @Nested
    class DatedRuleSets {

        private final ServiceEntry old = new EntryBuilder().from("2018-01-01", "2021-01-01").build();
        private final ServiceEntry current = new EntryBuilder().from("2021-01-01", null).build();
        private final CatalogVersion version = version(current, old);

        @Test
        void picks_the_rule_set_in_force_on_the_date() {
            assertEquals(old, version.lookup("kg.test-service", LocalDate.of(2020, 12, 31)).entry());
            assertEquals(current, version.lookup("kg.test-service", LocalDate.of(2021, 1, 1)).entry());
        }

        @Test
        void effective_from_is_inclusive_and_effective_to_exclusive() {
            assertEquals(EntryLookup.Status.IN_FORCE, version.lookup("kg.test-service", LocalDate.of(2018, 1, 1)).status());
            assertEquals(current, version.lookup("kg.test-service", LocalDate.of(2021, 1, 1)).entry());
        }

        @Test
        void a_date_before_the_first_rule_set_is_not_yet_in_force() {
            EntryLookup lookup = version.lookup("kg.test-service", LocalDate.of(2017, 12, 31));
            assertEquals(EntryLookup.Status.NOT_YET_IN_FORCE, lookup.status());
            assertEquals(LocalDate.of(2018, 1, 1), lookup.since());
        }

        @Test
        void keeps_history_oldest_first() {
            assertEquals(java.util.List.of(old, current), version.history("kg.test-service"));
        }

        @Test
        void unknown_code() {
            EntryLookup lookup = version.lookup("kg.nothing", LocalDate.of(2020, 1, 1));
            assertEquals(EntryLookup.Status.UNKNOWN_CODE, lookup.status());
            assertNull(lookup.entry());
        }

        @Test
        void an_open_start_is_in_force_for_any_early_date() {
            CatalogVersion undated = version(new EntryBuilder().from(null, null).build());
            assertTrue(undated.lookup("kg.test-service", LocalDate.of(1990, 1, 1)).inForce());
        }
    }

    @Nested
    class Repealed {

        private final ServiceEntry repealed;
        private final CatalogVersion version;

        Repealed() {
            EntryBuilder b = new EntryBuilder().from("2012-10-19", "2014-05-10");
            b.repeal = new Repeal(LocalDate.of(2014, 5, 10), text("№ 111 токтом", "Decree No. 111"), null);
            repealed = b.build();
            version = version(repealed);
        }

        @Test
        void a_later_date_answers_no_longer_in_force_since_the_repeal_with_the_last_rule_set() {
            EntryLookup lookup = version.lookup("kg.test-service", LocalDate.of(2020, 1, 1));
            assertEquals(EntryLookup.Status.NO_LONGER_IN_FORCE, lookup.status());
            assertEquals(LocalDate.of(2014, 5, 10), lookup.since());
            assertEquals(repealed, lookup.entry());
            assertEquals("Decree No. 111", lookup.repeal().orElseThrow().by().get("en").orElseThrow());
        }

        @Test
        void the_last_day_before_the_repeal_is_still_in_force() {
            assertTrue(version.lookup("kg.test-service", LocalDate.of(2014, 5, 9)).inForce());
        }
    }

    @Nested
    class KazakhRefugeeStandard {

        @Test
        void was_in_force_in_2013() {
            assertTrue(ShippedCatalog.VERSION.lookup("kz.refugee.grant", LocalDate.of(2013, 3, 1)).inForce());
            assertTrue(ShippedCatalog.VERSION.lookup("kz.refugee.extend", LocalDate.of(2014, 5, 9)).inForce());
        }

        @Test
        void is_not_in_force_since_10_may_2014_repealed_by_decree_111() {
            EntryLookup lookup = ShippedCatalog.VERSION.lookup("kz.refugee.grant", LocalDate.of(2025, 6, 1));
            assertEquals(EntryLookup.Status.NO_LONGER_IN_FORCE, lookup.status());
            assertEquals(LocalDate.of(2014, 5, 10), lookup.since());
            assertTrue(lookup.repeal().orElseThrow().by().get("en").orElseThrow().contains("No. 111 of 19 February 2014"));
            assertTrue(lookup.repeal().orElseThrow().by().get("kk").orElseThrow().contains("№ 111"));
        }

        @Test
        void was_not_yet_in_force_before_decree_1265_took_effect() {
            EntryLookup lookup = ShippedCatalog.VERSION.lookup("kz.refugee.grant", LocalDate.of(2012, 10, 8));
            assertEquals(EntryLookup.Status.NOT_YET_IN_FORCE, lookup.status());
        }
    }
}
