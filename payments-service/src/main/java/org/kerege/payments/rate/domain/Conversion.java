package org.kerege.payments.rate.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;
import java.util.List;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.fee.domain.Quote;
import org.kerege.payments.fee.domain.QuoteLine;

/**
 * A quote in the fee's currency turned into the payment currency at an official rate: each line is
 * converted exactly ({@code amount × value / nominal}) and rounded once, half up, to the payment
 * currency's minor unit; the total is the sum of the rounded lines (the same rule as fee lines).
 */
public final class Conversion {

    private Conversion() {
    }

    /** One amount. */
    public static Money convert(Money amount, ExchangeRate rate) {
        if (!amount.currencyCode().equals(rate.currency())) {
            throw new IllegalArgumentException("rate is for " + rate.currency() + ", amount in " + amount.currencyCode());
        }
        BigDecimal exact = amount.major().multiply(rate.value()).divide(BigDecimal.valueOf(rate.nominal()), MathContext.DECIMAL128);
        return Money.roundHalfUp(exact, Money.currency(rate.base()));
    }

    /** The quote with every line in the rate's base currency. */
    public static Quote convert(Quote quote, ExchangeRate rate) {
        Currency to = Money.currency(rate.base());
        List<QuoteLine> lines = quote.lines().stream().map(l -> new QuoteLine(l.id(), l.description(), l.account(),
                l.beneficiary(), convert(l.amount(), rate), l.fromSource(),
                l.calculation() + " = " + l.amount() + " × " + rate.value().toPlainString() + " " + rate.base() + " / "
                        + rate.nominal() + " " + rate.currency() + " (" + rate.source() + " " + rate.date() + ")")).toList();
        Money total = lines.stream().map(QuoteLine::amount).reduce(Money.zero(to), Money::plus);
        return new Quote(quote.schedule(), quote.on(), quote.options(), lines, total, quote.baseAmount());
    }
}
