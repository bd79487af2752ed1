package org.kerege.payments.fee.domain;

import java.time.LocalDate;

/** The fee code is known, but none of its schedules is in force on the day asked. */
public class FeeNotInForceException extends RuntimeException {

    public FeeNotInForceException(String feeCode, LocalDate on, String periods) {
        super("The fee '" + feeCode + "' has no schedule in force on " + on + " (in force: " + periods + ")");
    }
}
