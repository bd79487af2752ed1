package org.kerege.payments.fee.domain;

/** No schedule has this fee code. */
public class UnknownFeeException extends RuntimeException {

    private final String feeCode;

    public UnknownFeeException(String feeCode) {
        super("No fee schedule has the code '" + feeCode + "'");
        this.feeCode = feeCode;
    }

    public String feeCode() {
        return feeCode;
    }
}
