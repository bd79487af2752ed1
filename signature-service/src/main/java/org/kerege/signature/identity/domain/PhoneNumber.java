package org.kerege.signature.identity.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A mobile number the SMS code goes to, normalised to E.164 with libphonenumber. Numbers without a
 * country code are read as Uzbek ({@code +998}); the number must be a valid mobile (or
 * fixed-line-or-mobile) number of its country. {@link #toString()} is masked.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidIdentifierException("phone", "must be an E.164 number");
        }
    }

    /**
     * Parses what a person typed: {@code +998 90 123 45 67}, {@code 90 123-45-67}, {@code 8 90 1234567}…
     *
     * @throws InvalidIdentifierException when it is not a valid mobile number
     */
    public static PhoneNumber parse(String text) {
        if (text == null || text.isBlank() || text.length() > 32) {
            throw new InvalidIdentifierException("phone", "is required (a mobile number, e.g. +998901234567)");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(text, "UZ");
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException("phone", "is not a phone number");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidIdentifierException("phone", "is not a valid phone number");
        }
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
        if (type != PhoneNumberUtil.PhoneNumberType.MOBILE && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw new InvalidIdentifierException("phone", "must be a mobile number (an SMS is sent to it)");
        }
        return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    public String masked() {
        return Masking.mask(e164);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}
