package org.kerege.payments.fee.domain;

import java.time.LocalDate;

/** A fee depends on a base amount that has no value in force on the day asked. */
public class BaseAmountUnavailableException extends RuntimeException {

    public BaseAmountUnavailableException(String code, LocalDate on) {
        super("The base amount '" + code + "' has no value in force on " + on);
    }
}
