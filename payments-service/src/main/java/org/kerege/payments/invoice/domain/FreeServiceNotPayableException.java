package org.kerege.payments.invoice.domain;

/** An invoice was asked for a free service: there is nothing to pay, so no invoice. */
public class FreeServiceNotPayableException extends RuntimeException {

    public FreeServiceNotPayableException(String feeCode) {
        super("The fee '" + feeCode + "' is free: no invoice is issued for it");
    }
}
