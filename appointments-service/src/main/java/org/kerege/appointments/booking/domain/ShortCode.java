package org.kerege.appointments.booking.domain;

import java.security.SecureRandom;

/**
 * The code a visitor types at the office terminal to check in: 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 40 bits — unguessable across a day's bookings.
 */
public final class ShortCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortCode() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Normalises typed input (case, spaces, dashes); null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (char c : s.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return s;
    }
}
