package org.kerege.status.application.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The secret an applicant uses with the application number to look the application up: 16 characters
 * of the RFC 4648 base32 alphabet (80 random bits), shown once on the talon and kept only as its
 * SHA-256 hash. Given back case-insensitively, with or without spaces and dashes.
 */
public final class AccessCode {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public static final int LENGTH = 16;

    private AccessCode() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return code.toString();
    }

    /** The code as the applicant may type it, reduced to its 16 characters; null when it cannot be one. */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }

    public static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a typed code matches a stored hash; constant time in the hash comparison. */
    public static boolean matches(byte[] storedHash, String typed) {
        String code = normalize(typed);
        return code != null && storedHash != null && MessageDigest.isEqual(storedHash, hash(code));
    }

    /** The code as printed on the talon: four groups of four. */
    public static String printed(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
    }
}
