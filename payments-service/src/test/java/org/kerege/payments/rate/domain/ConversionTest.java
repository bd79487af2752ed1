package org.kerege.payments.rate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kerege.payments.fee.domain.Money;

class ConversionTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    static ExchangeRate rate(String currency, int nominal, String value) {
        return new ExchangeRate(DAY, "CBR", "RUB", currency, nominal, new BigDecimal(value));
    }

    @Test
    void dollars_to_roubles_at_a_nominal_of_one() {
        // 25.00 USD × 92.5000 = 2312.50 RUB
        assertEquals(Money.ofMinor(231250, "RUB"), Conversion.convert(Money.ofMinor(2500, "USD"), rate("USD", 1, "92.5000")));
    }

    @Test
    void som_to_roubles_at_a_nominal_of_one_hundred() {
        // 1000.00 KGS × 105.7312 / 100 = 1057.312 RUB → 1057.31
        assertEquals(Money.ofMinor(105731, "RUB"), Conversion.convert(Money.ofMinor(100000, "KGS"), rate("KGS", 100, "105.7312")));
    }

    @Test
    void rounding_is_half_up_once() {
        // 0.01 USD × 50.5 = 0.505 RUB → 0.51; 0.01 USD × 50.4999 = 0.504999 → 0.50
        assertEquals(Money.ofMinor(51, "RUB"), Conversion.convert(Money.ofMinor(1, "USD"), rate("USD", 1, "50.5")));
        assertEquals(Money.ofMinor(50, "RUB"), Conversion.convert(Money.ofMinor(1, "USD"), rate("USD", 1, "50.4999")));
    }

    @Test
    void a_rate_of_another_currency_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Conversion.convert(Money.ofMinor(1, "EUR"), rate("USD", 1, "92.5")));
        assertThrows(IllegalArgumentException.class, () -> rate("USD", 0, "92.5"));
        assertThrows(IllegalArgumentException.class, () -> rate("USD", 1, "0"));
    }
}
