package org.kerege.payments.rate.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated official rate, as a central bank publishes it: {@code nominal} units of {@code currency} cost
 * {@code value} units of {@code base} on {@code date} (the CBR publishes e.g. USD nominal 1 = 92.5000 RUB,
 * KGS nominal 100 = 105.7300 RUB).
 *
 * @param date     the day the rate is in force
 * @param source   who set it, e.g. {@code CBR}
 * @param base     ISO 4217 code of the currency the rate is quoted in (RUB for the CBR)
 * @param currency ISO 4217 code of the foreign currency
 * @param nominal  how many units of {@code currency} the value is for (1, 10, 100, …)
 * @param value    price of {@code nominal} units in {@code base}, exact decimal
 */
public record ExchangeRate(LocalDate date, String source, String base, String currency, int nominal, BigDecimal value) {

    public ExchangeRate {
        Objects.requireNonNull(date);
        Objects.requireNonNull(source);
        if (nominal <= 0) {
            throw new IllegalArgumentException("nominal must be positive");
        }
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("value must be positive");
        }
        if (base.equals(currency)) {
            throw new IllegalArgumentException("a rate needs two currencies");
        }
    }
}
