package org.kerege.payments.rate.domain;

import java.time.LocalDate;

/** No official rate is recorded for a day: a converted fee cannot be priced (never guessed). */
public class RateUnavailableException extends RuntimeException {

    public RateUnavailableException(String source, String currency, String base, LocalDate date) {
        super("No " + source + " rate of " + currency + " in " + base + " is recorded for " + date
                + "; an admin must import that day's rates (PUT /v1/rates/" + date + ") before this fee can be invoiced.");
    }
}
