package org.kerege.payments.invoice.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The short human payment code printed on an invoice and typed into a bank app.
 *
 * <ul>
 *   <li><b>Alphabet</b>: 31 characters, {@code 23456789ABCDEFGHJKMNPQRSTUVWXYZ} — the digits and capital
 *       letters without {@code 0 O 1 I L}, which are easily confused.</li>
 *   <li><b>Length</b>: {@value #LENGTH} characters — {@value #DATA_LENGTH} random characters (31⁸ ≈ 8.5 × 10¹¹
 *       codes) followed by one check character.</li>
 *   <li><b>Check character</b>: a pure system in the manner of ISO/IEC 7064 with the prime modulus 31 and
 *       radix 3 (like ISO 7064 MOD 11-2, which uses 11 and 2): with values v (the index in the alphabet)
 *       and weights 3<sup>j</sup> mod 31 counted from the right (the check character has weight 1),
 *       Σ v·w ≡ 0 (mod 31). Because 31 is prime and 3 is a primitive root modulo 31, every weight is
 *       non-zero and the weights of the 9 positions are all different, so <b>every single substitution</b>
 *       and <b>every transposition</b> of two different characters (adjacent or not) changes the sum and
 *       is detected.</li>
 * </ul>
 * Input is read leniently: case, spaces and hyphens are ignored ({@code 7kq4-m9xr 3}); the confusable
 * characters are <i>not</i> mapped to look-alikes, so a typed {@code 0} is simply invalid.
 */
public final class PaymentCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int MODULUS = 31;
    public static final int LENGTH = 9;
    public static final int DATA_LENGTH = LENGTH - 1;
    private static final int RADIX = 3;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private PaymentCode() {
    }

    /** A new random code with its check character. */
    public static String generate() {
        return generate(RANDOM);
    }

    public static String generate(RandomGenerator random) {
        StringBuilder data = new StringBuilder(LENGTH);
        for (int i = 0; i < DATA_LENGTH; i++) {
            data.append(ALPHABET.charAt(random.nextInt(MODULUS)));
        }
        return data.append(checkCharacter(data)).toString();
    }

    /** The check character of the data characters (the code without its last character). */
    public static char checkCharacter(CharSequence data) {
        int sum = 0;
        int weight = RADIX; // data characters start at weight 3^1, counted from the right
        for (int i = data.length() - 1; i >= 0; i--) {
            int v = value(data.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a payment code character: " + data.charAt(i));
            }
            sum = (sum + v * weight) % MODULUS;
            weight = (weight * RADIX) % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum) % MODULUS);
    }

    /** True when the text, normalised, is a code of the right length whose check character is right. */
    public static boolean isValid(String text) {
        String code = normalise(text);
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (value(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, DATA_LENGTH)) == code.charAt(DATA_LENGTH);
    }

    /** Upper case, without spaces and hyphens; null stays null. */
    public static String normalise(String text) {
        return text == null ? null : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static int value(char c) {
        return ALPHABET.indexOf(c);
    }
}
