package org.kerege.payments.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped fee schedules; expected figures are written by hand from the digest of the sources. */
class FeeCalculatorTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    static final FeeSchedules SHIPPED = FeeScheduleLoader.shipped();

    static FeeCalculator calculator(BaseAmount... values) {
        return new FeeCalculator(SHIPPED, (code, on) -> List.of(values).stream()
                .filter(b -> b.code().equals(code) && !b.effectiveFrom().isAfter(on))
                .max(java.util.Comparator.comparing(BaseAmount::effectiveFrom)));
    }

    static BaseAmount bhm(String from, long minor) {
        return new BaseAmount("uz.bhm", LocalDate.parse(from), Money.ofMinor(minor, "UZS"), "test decree", true);
    }

    @Nested
    class MongolianExtension {

        @ParameterizedTest(name = "{0} year(s): {1} + 2500 = {2} MNT")
        @CsvSource({"1, 2000, 4500", "2, 4000, 6500", "3, 6000, 8500", "4, 8000, 10500", "5, 10000, 12500"})
        void every_year_of_the_table_comes_out_exactly(int years, long extensionMnt, long totalMnt) {
            Quote q = calculator().quote("mn.passport.extension", Map.of("years", String.valueOf(years)), DAY);
            assertEquals(totalMnt * 100, q.total().minor());
            assertEquals("MNT", q.total().currencyCode());
            assertEquals(2, q.lines().size());
            QuoteLine extension = q.lines().get(0);
            assertEquals("1401001101", extension.account());
            assertEquals("ОӨУБЕГ", extension.beneficiary());
            assertEquals(extensionMnt * 100, extension.amount().minor());
            QuoteLine stamp = q.lines().get(1);
            assertEquals("1401002649", stamp.account());
            assertEquals("ОӨУБЕГ", stamp.beneficiary());
            assertEquals(250000, stamp.amount().minor());
            assertTrue(q.fromSource());
        }

        @Test
        void accepts_the_catalog_fact_name_extensionYears() {
            assertEquals(850000, calculator().quote("mn.passport.extension", Map.of("extensionYears", "3"), DAY).total().minor());
        }

        @ParameterizedTest
        @CsvSource({"0, must be from 1 to 5", "6, must be from 1 to 5", "three, must be a whole number from 1 to 5",
                "2.5, must be a whole number from 1 to 5"})
        void refuses_years_outside_the_table(String years, String message) {
            var e = assertThrows(InvalidFeeOptionsException.class,
                    () -> calculator().quote("mn.passport.extension", Map.of("years", years), DAY));
            assertTrue(e.errors().get("years").startsWith(message), e.errors().toString());
        }

        @Test
        void years_are_required() {
            var e = assertThrows(InvalidFeeOptionsException.class,
                    () -> calculator().quote("mn.passport.extension", Map.of(), DAY));
            assertEquals(Map.of("years", "required"), e.errors());
        }

        @Test
        void an_unknown_option_is_named() {
            var e = assertThrows(InvalidFeeOptionsException.class,
                    () -> calculator().quote("mn.passport.extension", Map.of("years", "2", "urgent", "true"), DAY));
            assertEquals(Map.of("urgent", "unknown option; this fee takes years"), e.errors());
        }

        @Test
        void the_same_option_under_two_names_is_refused() {
            var e = assertThrows(InvalidFeeOptionsException.class, () -> calculator().quote("mn.passport.extension",
                    new java.util.TreeMap<>(Map.of("years", "2", "extensionYears", "2")), DAY));
            assertEquals(1, e.errors().size());
        }

        @Test
        void not_in_force_before_order_A549() {
            assertThrows(FeeNotInForceException.class,
                    () -> calculator().quote("mn.passport.extension", Map.of("years", "1"), LocalDate.of(2016, 6, 8)));
            assertEquals(450000, calculator().quote("mn.passport.extension", Map.of("years", "1"),
                    LocalDate.of(2016, 6, 9)).total().minor());
        }
    }

    @Nested
    class MongolianNewPassport {

        @Test
        void three_lines_on_three_accounts_of_two_recipients_make_32500() {
            Quote q = calculator().quote("mn.passport.new", Map.of(), DAY);
            assertEquals(3250000, q.total().minor());
            assertEquals(List.of("1401001093", "1401002649", "1401001218"), q.lines().stream().map(QuoteLine::account).toList());
            assertEquals(List.of(1880000L, 500000L, 870000L), q.lines().stream().map(l -> l.amount().minor()).toList());
            assertEquals("ТИТАН ИНТЕРНЭЙШНЛ ХХК", q.lines().get(2).beneficiary());
            assertEquals(Boolean.FALSE, q.options().get("urgent"));
        }

        @Test
        void urgent_adds_10000_to_account_1401001101() {
            Quote q = calculator().quote("mn.passport.new", Map.of("urgent", "true"), DAY);
            assertEquals(4250000, q.total().minor());
            QuoteLine urgent = q.lines().get(3);
            assertEquals("1401001101", urgent.account());
            assertEquals(1000000, urgent.amount().minor());
            assertEquals("ОӨУБЕГ", urgent.beneficiary());
        }

        @Test
        void urgent_false_is_the_plain_table() {
            assertEquals(3250000, calculator().quote("mn.passport.new", Map.of("urgent", "false"), DAY).total().minor());
        }

        @Test
        void urgent_must_be_a_boolean() {
            var e = assertThrows(InvalidFeeOptionsException.class,
                    () -> calculator().quote("mn.passport.new", Map.of("urgent", "yes"), DAY));
            assertEquals("must be true or false", e.errors().get("urgent"));
        }
    }

    @Nested
    class UzbekEKey {

        @ParameterizedTest(name = "{0} via {1}: {2} minor units")
        @CsvSource({
                // BHM 375 000.00 UZS: 1 % = 3750.00, 7 % = 26250.00; −10 % through the portal
                "INDIVIDUAL, SERVICE_CENTRE, 375000",
                "INDIVIDUAL, E_IMZO, 375000",
                "INDIVIDUAL, PORTAL, 337500",
                "LEGAL_ENTITY, SERVICE_CENTRE, 2625000",
                "LEGAL_ENTITY, PORTAL, 2362500"})
        void percentages_and_portal_discount_of_the_base_amount(String type, String channel, long minor) {
            Quote q = calculator(bhm("2024-10-01", 37500000)).quote("uz.e-key",
                    Map.of("applicantType", type, "channel", channel), DAY);
            assertEquals(minor, q.total().minor());
            assertEquals("UZS", q.total().currencyCode());
            assertEquals(LocalDate.of(2024, 10, 1), q.baseAmount().effectiveFrom());
        }

        @Test
        void the_base_amount_in_force_on_the_day_is_used() {
            FeeCalculator c = calculator(bhm("2024-10-01", 37500000), bhm("2031-01-01", 50000000));
            Map<String, String> options = Map.of("applicantType", "LEGAL_ENTITY", "channel", "PORTAL");
            assertEquals(2362500, c.quote("uz.e-key", options, LocalDate.of(2030, 12, 31)).total().minor());
            // 7 % of 500 000.00 = 35 000.00, −10 % = 31 500.00
            assertEquals(3150000, c.quote("uz.e-key", options, LocalDate.of(2031, 1, 1)).total().minor());
        }

        @Test
        void rounds_half_up_to_the_minor_unit_once() {
            // 1 % of 1000.50 = 10.005 → 10.01 (half up; half-even would give 10.00)
            assertEquals(1001, calculator(bhm("2024-01-01", 100050)).quote("uz.e-key",
                    Map.of("applicantType", "INDIVIDUAL", "channel", "SERVICE_CENTRE"), DAY).total().minor());
            // rounded once: 1 % of 1000.50 × 0.9 = 9.0045 → 9.00 (rounding twice would give 10.01 × 0.9 = 9.009 → 9.01)
            assertEquals(900, calculator(bhm("2024-01-01", 100050)).quote("uz.e-key",
                    Map.of("applicantType", "INDIVIDUAL", "channel", "PORTAL"), DAY).total().minor());
        }

        @Test
        void accepts_the_catalog_values() {
            assertEquals(2362500, calculator(bhm("2024-10-01", 37500000)).quote("uz.e-key",
                    Map.of("applicantType", "legal-entity", "channel", "my.gov.uz"), DAY).total().minor());
        }

        @Test
        void without_a_base_amount_on_the_day_there_is_no_price() {
            assertThrows(BaseAmountUnavailableException.class, () -> calculator(bhm("2024-10-01", 37500000))
                    .quote("uz.e-key", Map.of("applicantType", "INDIVIDUAL", "channel", "PORTAL"), LocalDate.of(2024, 9, 30)));
        }

        @Test
        void both_options_are_required_and_checked() {
            var e = assertThrows(InvalidFeeOptionsException.class, () -> calculator(bhm("2024-10-01", 37500000))
                    .quote("uz.e-key", Map.of("applicantType", "COMPANY"), DAY));
            assertEquals(Map.of("applicantType", "must be one of INDIVIDUAL, LEGAL_ENTITY", "channel", "required"), e.errors());
        }

        @Test
        void the_account_is_marked_as_configuration() {
            Quote q = calculator(bhm("2024-10-01", 37500000)).quote("uz.e-key",
                    Map.of("applicantType", "INDIVIDUAL", "channel", "PORTAL"), DAY);
            assertFalse(q.fromSource());
            assertFalse(q.lines().get(0).fromSource());
        }
    }

    @Nested
    class FreeAndConfigured {

        @Test
        void the_kazakh_refugee_service_is_free_while_the_2012_standard_was_in_force() {
            Quote q = calculator().quote("kz.refugee", Map.of(), LocalDate.of(2013, 6, 3));
            assertTrue(q.free());
            assertEquals(0, q.total().minor());
            assertTrue(q.lines().isEmpty());
            assertTrue(q.fromSource());
        }

        @Test
        void the_kazakh_refugee_service_stays_free_after_the_repeal_as_configuration() {
            Quote q = calculator().quote("kz.refugee", Map.of(), DAY);
            assertTrue(q.free());
            assertFalse(q.fromSource());
        }

        @Test
        void kyrgyz_amounts_are_configuration() {
            Quote q = calculator().quote("kg.passport.id-card", Map.of(), DAY);
            assertEquals("KGS", q.total().currencyCode());
            assertFalse(q.fromSource());
        }

        @Test
        void the_return_certificate_is_fixed_in_dollars_and_paid_in_roubles() {
            Quote q = calculator().quote("kg.return-certificate", Map.of(), DAY);
            assertEquals("USD", q.total().currencyCode());
            assertEquals("RUB", q.schedule().payment().currency());
            assertEquals("CBR", q.schedule().payment().rateSource());
        }

        @Test
        void the_meken_card_adds_the_consular_fee_abroad() {
            Quote home = calculator().quote("kg.meken-card", Map.of(), DAY);
            Quote abroad = calculator().quote("kg.meken-card", Map.of("applyingAtMissionAbroad", "true"), DAY);
            assertEquals(1, home.lines().size());
            assertEquals(2, abroad.lines().size());
        }

        @Test
        void every_fee_code_of_the_requirements_catalog_has_a_schedule() {
            for (String code : List.of("kg.passport.id-card", "kg.passport.international", "kg.return-certificate",
                    "kg.driving-licence.exchange", "kg.meken-card", "kg.civil.birth", "kg.civil.marriage",
                    "kg.civil.death", "kg.civil.divorce", "kg.civil.name-change", "mn.passport.new",
                    "mn.passport.extension", "kz.refugee", "uz.e-key")) {
                assertFalse(SHIPPED.periods(code).isEmpty(), code);
            }
        }

        @Test
        void an_unknown_fee_code_is_refused() {
            assertThrows(UnknownFeeException.class, () -> calculator().quote("mn.passport.lost", Map.of(), DAY));
        }
    }

    @Test
    void base_amounts_are_optional_to_lookups() {
        assertEquals(Optional.empty(), BaseAmountLookup.none().inForce("uz.bhm", DAY));
        assertEquals(new BigDecimal("8500.00"), Money.ofMinor(850000, "MNT").major());
    }
}
