package org.kerege.payments.qr.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The EMV® QR Code merchant-presented mode payload of an invoice (EMVCo MPM specification v1.1), and
 * its reader. Every field is {@code ID (2 digits) + length (2 digits) + value}; the payload written is:
 *
 * <pre>
 * 00 02 01                          payload format indicator
 * 01 02 12                          point of initiation: dynamic (one invoice, one amount)
 * 26 ..  00 .. org.kerege           merchant account template: GUI of the scheme
 *        01 09 &lt;payment code&gt;        and the invoice's payment code
 * 52 04 9399                        MCC: government services
 * 53 03 496                         ISO 4217 numeric currency
 * 54 .. 8500.00                     amount in major units with the currency's decimals
 * 58 02 MN                          country
 * 59 .. KEREGE MN                   merchant name (≤ 25)
 * 60 .. ULAANBAATAR                 merchant city (≤ 15)
 * 62 ..  01 09 &lt;payment code&gt;        additional data: bill number
 * 63 04 XXXX                        CRC-16/CCITT-FALSE over everything before, "6304" included
 * </pre>
 *
 * Lengths count characters; values are restricted to printable ASCII so characters and bytes agree.
 */
public final class EmvQr {

    public static final String PAYLOAD_FORMAT = "01";
    public static final String DYNAMIC = "12";
    public static final String STATIC = "11";

    private EmvQr() {
    }

    /**
     * What an invoice QR says.
     *
     * @param paymentCode the payment code (merchant account template sub-tag 01)
     * @param billNumber  tag 62 sub-tag 01
     * @param amountMinor amount in minor units of the currency
     * @param currency    ISO 4217 currency
     * @param merchant    payee
     * @param dynamic     point of initiation 12 (true) or 11
     */
    public record Payload(String paymentCode, String billNumber, long amountMinor, Currency currency,
                          QrMerchant merchant, boolean dynamic) {
    }

    /** Writes the payload of an invoice. */
    public static String encode(String paymentCode, long amountMinor, Currency currency, QrMerchant merchant) {
        requireAns("paymentCode", paymentCode, 25);
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a QR is only made for a positive amount");
        }
        String amount = BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits()).toPlainString();
        if (amount.length() > 13) {
            throw new IllegalArgumentException("amount longer than 13 characters");
        }
        StringBuilder b = new StringBuilder(160);
        b.append(field("00", PAYLOAD_FORMAT));
        b.append(field("01", DYNAMIC));
        b.append(field(merchant.accountTag(), field("00", merchant.gui()) + field("01", paymentCode)));
        b.append(field("52", merchant.mcc()));
        b.append(field("53", String.format(java.util.Locale.ROOT, "%03d", currency.getNumericCode())));
        b.append(field("54", amount));
        b.append(field("58", merchant.countryCode()));
        b.append(field("59", merchant.name()));
        b.append(field("60", merchant.city()));
        b.append(field("62", field("01", paymentCode)));
        b.append("6304");
        return b.append(Crc16.hex(b.toString())).toString();
    }

    /**
     * Reads a payload and checks its CRC and the fields an invoice QR must have.
     *
     * @param gui the scheme id whose merchant account template carries the payment code
     * @throws EmvQrException when it is malformed ({@link EmvQrException#checksum()} false) or its CRC does
     *                        not match (true)
     */
    public static Payload decode(String payload, String gui) {
        if (payload == null || payload.isEmpty()) {
            throw new EmvQrException("empty payload", false);
        }
        if (payload.length() > 512 || !payload.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new EmvQrException("a payload is at most 512 printable ASCII characters", false);
        }
        Map<String, String> top = parse(payload);
        String crc = top.get("63");
        if (crc == null || !payload.endsWith("6304" + crc) || crc.length() != 4) {
            throw new EmvQrException("the payload does not end with the CRC field 63", false);
        }
        String expected = Crc16.hex(payload.substring(0, payload.length() - 4));
        if (!expected.equalsIgnoreCase(crc)) {
            throw new EmvQrException("CRC mismatch: the payload was altered or mistyped", true);
        }
        if (!payload.startsWith("000201")) {
            throw new EmvQrException("the payload must start with format indicator 00 = 01", false);
        }
        String initiation = top.get("01");
        if (initiation != null && !initiation.equals(DYNAMIC) && !initiation.equals(STATIC)) {
            throw new EmvQrException("point of initiation must be 11 or 12", false);
        }
        String paymentCode = null;
        String accountTag = null;
        for (var e : top.entrySet()) {
            int id = Integer.parseInt(e.getKey());
            if (id >= 26 && id <= 51) {
                Map<String, String> sub = parse(e.getValue());
                if (gui.equalsIgnoreCase(sub.get("00"))) {
                    paymentCode = sub.get("01");
                    accountTag = e.getKey();
                }
            }
        }
        if (paymentCode == null) {
            throw new EmvQrException("no merchant account template of scheme " + gui + " with a payment code", false);
        }
        String numeric = require(top, "53");
        Currency currency = Currency.getAvailableCurrencies().stream()
                .filter(c -> String.format(java.util.Locale.ROOT, "%03d", c.getNumericCode()).equals(numeric))
                .filter(c -> c.getDefaultFractionDigits() >= 0).findFirst()
                .orElseThrow(() -> new EmvQrException("unknown ISO 4217 numeric currency " + numeric, false));
        String amountText = require(top, "54");
        long amountMinor;
        try {
            BigDecimal amount = new BigDecimal(amountText);
            if (!amountText.matches("\\d+(\\.\\d+)?") || amount.scale() > currency.getDefaultFractionDigits()) {
                throw new NumberFormatException();
            }
            amountMinor = amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new EmvQrException("amount 54 is not a " + currency.getCurrencyCode() + " amount: " + amountText, false);
        }
        String bill = Optional.ofNullable(top.get("62")).map(v -> parse(v).get("01")).orElse(null);
        QrMerchant merchant;
        try {
            String gui0 = parse(top.get(accountTag)).get("00");
            merchant = new QrMerchant(gui0, accountTag, require(top, "58"), require(top, "59"), require(top, "60"),
                    require(top, "52"));
        } catch (IllegalArgumentException ex) {
            throw new EmvQrException("merchant fields: " + ex.getMessage(), false);
        }
        return new Payload(paymentCode, bill, amountMinor, currency, merchant, !STATIC.equals(initiation));
    }

    /** The fields of one level of TLV, in order; a repeated ID or a bad length is refused. */
    static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (i + 4 > text.length()) {
                throw new EmvQrException("truncated field at position " + i, false);
            }
            String id = text.substring(i, i + 2);
            String len = text.substring(i + 2, i + 4);
            if (!id.matches("\\d\\d") || !len.matches("\\d\\d")) {
                throw new EmvQrException("field at position " + i + " has no numeric ID and length", false);
            }
            int n = Integer.parseInt(len);
            if (n == 0 || i + 4 + n > text.length()) {
                throw new EmvQrException("field " + id + " has a bad length " + n, false);
            }
            if (fields.put(id, text.substring(i + 4, i + 4 + n)) != null) {
                throw new EmvQrException("field " + id + " appears twice", false);
            }
            i += 4 + n;
        }
        return fields;
    }

    private static String require(Map<String, String> top, String id) {
        String v = top.get(id);
        if (v == null) {
            throw new EmvQrException("mandatory field " + id + " is missing", false);
        }
        return v;
    }

    static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("field " + id + " longer than 99");
        }
        return id + String.format(java.util.Locale.ROOT, "%02d", value.length()) + value;
    }

    static void requireAns(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max
                || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " printable ASCII characters");
        }
    }
}
