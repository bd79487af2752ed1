package org.kerege.payments.qr.domain;

/**
 * Who the payer pays, as the QR tells a bank app: EMV tags 58, 59, 60 and the merchant account template.
 *
 * @param gui          globally unique id of the payment scheme in the merchant account template (sub-tag
 *                     00), a reverse domain name, e.g. {@code org.kerege}
 * @param accountTag   the merchant account template's tag, 26 to 51
 * @param countryCode  ISO 3166-1 alpha-2 (tag 58)
 * @param name         merchant name, at most 25 characters (tag 59)
 * @param city         merchant city, at most 15 characters (tag 60)
 * @param mcc          merchant category code (tag 52), 9399 = government services
 */
public record QrMerchant(String gui, String accountTag, String countryCode, String name, String city, String mcc) {

    public QrMerchant {
        EmvQr.requireAns("gui", gui, 32);
        if (accountTag == null || !accountTag.matches("2[6-9]|[34][0-9]|5[01]")) {
            throw new IllegalArgumentException("the merchant account template tag must be 26 to 51");
        }
        if (countryCode == null || !countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be ISO 3166-1 alpha-2");
        }
        EmvQr.requireAns("name", name, 25);
        EmvQr.requireAns("city", city, 15);
        if (mcc == null || !mcc.matches("\\d{4}")) {
            throw new IllegalArgumentException("MCC must be 4 digits");
        }
    }
}
