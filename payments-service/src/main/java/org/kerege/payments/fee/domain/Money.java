package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a whole number of minor units of an ISO 4217 currency, never a floating-point
 * number. The minor unit of a currency is its ISO 4217 exponent as {@link Currency#getDefaultFractionDigits()}
 * gives it — 2 for MNT, UZS, KGS and RUB, even where the minor unit (möngö, tiyin, tyiyn) is no longer
 * used in cash: 8500 MNT is {@code 850000} minor units. Currencies without a minor unit (exponent 0)
 * and pseudo-currencies (exponent -1) work as ISO defines them; the latter are refused.
 *
 * @param minor    amount in minor units
 * @param currency the currency
 */
public record Money(long minor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency of payment");
        }
    }

    public static Money ofMinor(long minor, String currencyCode) {
        return new Money(minor, currency(currencyCode));
    }

    /**
     * The exact amount of a decimal in major units, e.g. {@code 2000} MNT → 200000 minor units.
     *
     * @throws IllegalArgumentException when the amount has more decimals than the currency's minor unit
     */
    public static Money ofMajor(BigDecimal major, Currency currency) {
        BigDecimal scaled = major.movePointRight(currency.getDefaultFractionDigits());
        try {
            return new Money(scaled.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(major.toPlainString() + " " + currency.getCurrencyCode()
                    + " is not a whole number of minor units (" + currency.getDefaultFractionDigits() + " decimals)");
        }
    }

    /**
     * Rounds an exact amount in major units to the minor unit, half up (away from zero on a tie):
     * 10.005 → 10.01. The one rounding rule of fee calculations.
     */
    public static Money roundHalfUp(BigDecimal major, Currency currency) {
        return ofMajor(major.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    /** ISO 4217 currency by alphabetic code; only upper-case three-letter codes. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 alphabetic code: " + code);
        }
        return Currency.getInstance(code);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    /** The amount in major units, with exactly the currency's number of decimals. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    /** The major-unit amount as plain text with the currency's decimals, e.g. {@code 8500.00}. */
    public String format() {
        return major().toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean isZero() {
        return minor == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currencyCode() + " to " + currencyCode());
        }
    }

    @Override
    public String toString() {
        return format() + " " + currencyCode();
    }
}
