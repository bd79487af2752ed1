package org.kerege.payments.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"MNT, 2", "UZS, 2", "KGS, 2", "RUB, 2", "KZT, 2", "JPY, 0"})
    void minor_units_are_the_iso_4217_exponent(String code, int digits) {
        assertEquals(digits, Money.currency(code).getDefaultFractionDigits());
    }

    @Test
    void major_amounts_convert_exactly() {
        assertEquals(200000, Money.ofMajor(new BigDecimal("2000"), Money.currency("MNT")).minor());
        assertEquals("8500.00", Money.ofMinor(850000, "MNT").format());
        assertThrows(IllegalArgumentException.class, () -> Money.ofMajor(new BigDecimal("1.005"), Money.currency("UZS")));
    }

    @ParameterizedTest
    @CsvSource({"10.005, 1001", "10.0049, 1000", "10.015, 1002", "-10.005, -1001"})
    void rounding_is_half_up(String exact, long minor) {
        assertEquals(minor, Money.roundHalfUp(new BigDecimal(exact), Money.currency("UZS")).minor());
    }

    @Test
    void currencies_do_not_mix() {
        assertThrows(IllegalArgumentException.class, () -> Money.ofMinor(1, "MNT").plus(Money.ofMinor(1, "UZS")));
        assertThrows(IllegalArgumentException.class, () -> Money.currency("mnt"));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMinor(1, "XXX"));
    }
}
