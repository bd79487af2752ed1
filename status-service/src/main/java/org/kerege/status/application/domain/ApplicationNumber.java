package org.kerege.status.application.domain;

import java.util.regex.Pattern;

/**
 * Application and complaint numbers: readable, unique across instances because the sequence number
 * comes from one database sequence: {@code KG-2026-000123}, complaints {@code KZ-C-2026-000007}.
 */
public final class ApplicationNumber {

    private ApplicationNumber() {
    }

    public static String of(String country, int year, long sequence) {
        return "%s-%d-%06d".formatted(country, year, sequence);
    }

    public static String complaint(String country, int year, long sequence) {
        return "%s-C-%d-%06d".formatted(country, year, sequence);
    }

    /** The country of a service code: its prefix ({@code kz.refugee.grant} → KZ). */
    public static String countryOf(String serviceCode) {
        int dot = serviceCode.indexOf('.');
        return (dot == 2 ? serviceCode.substring(0, 2) : "").toUpperCase(java.util.Locale.ROOT);
    }

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Z]{2}-(C-)?\\d{4}-\\d{6,12}");

    /** Whether a text has the shape of a number (so malformed input is a 404 without touching the database). */
    public static boolean isWellFormed(String number) {
        return number != null && number.length() <= 40 && WELL_FORMED.matcher(number).matches();
    }
}
