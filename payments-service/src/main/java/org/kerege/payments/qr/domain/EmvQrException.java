package org.kerege.payments.qr.domain;

/** A text is not an EMV QR payload we accept: malformed, wrong CRC, or missing a mandatory field. */
public class EmvQrException extends RuntimeException {

    private final boolean checksum;

    public EmvQrException(String message, boolean checksum) {
        super(message);
        this.checksum = checksum;
    }

    /** True when the payload is well formed but its CRC (tag 63) does not match: it was altered. */
    public boolean checksum() {
        return checksum;
    }
}
