package org.kerege.payments.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets for storage: AES-256-GCM with a random 12-byte IV per value, stored as
 * {@code v1:<keyId>:<base64(iv ‖ ciphertext ‖ 16-byte tag)>}. {@code keyId} is the first 8 hex characters
 * of SHA-256 of the key, so a value sealed under another key is reported as such rather than as a bad tag;
 * {@code "v1:<keyId>"} is also the associated data, so neither part can be swapped unnoticed.
 *
 * <p>{@link #open(String)} returns a value without the {@code v1:} prefix unchanged: a plaintext secret
 * stored before sealing existed (it is sealed at the next start, see {@code WebhookSecrets}).
 *
 * <p>Messages of the exceptions never hold a secret or a stored value.
 */
public final class SecretSealer {

    /** Prefix of every sealed value (the format's version). */
    public static final String PREFIX = "v1:";
    /** Length of the key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    /**
     * @param key    the 32-byte AES key (copied)
     * @param random the source of IVs
     * @throws IllegalArgumentException if the key is not 32 bytes long
     */
    public SecretSealer(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param base64Key the key as standard base64 of 32 bytes (e.g. {@code openssl rand -base64 32})
     * @return a sealer with a fresh {@link SecureRandom}
     * @throws IllegalArgumentException if the text is blank, not base64, or not 32 bytes
     */
    public static SecretSealer fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("the key is empty");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not standard base64");
        }
        try {
            return new SecretSealer(key, new SecureRandom());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** @return the first 8 hex characters of SHA-256 of a key: names it without revealing it */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the id of this sealer's key */
    public String keyId() {
        return keyId;
    }

    /** @return whether a stored value is sealed (else it is legacy plaintext) */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * @param stored a stored value
     * @return the id of the key that sealed it, or null for legacy plaintext
     * @throws UnsealException if it has the {@code v1:} prefix but no valid key id
     */
    public static String keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return null;
        }
        return parts(stored)[0];
    }

    /**
     * @param plaintext the secret
     * @return {@code v1:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>}, a new random IV each call
     */
    public String seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @param stored a value {@link #seal(String) sealed} under this key, or legacy plaintext (no {@code v1:})
     * @return the plaintext
     * @throws UnsealException if the value is malformed, was sealed under another key, or does not authenticate
     */
    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        if (!isSealed(stored)) {
            return stored;
        }
        String[] parts = parts(stored);
        if (!parts[0].equals(keyId)) {
            throw new UnsealException("webhook secret sealed with key " + parts[0] + ", this instance has key " + keyId
                    + ": configure the key that sealed it (kerege.payments.webhook-secret-key)");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new UnsealException("malformed sealed webhook secret: the part after the key id is not base64");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnsealException("malformed sealed webhook secret: " + data.length
                    + " bytes, shorter than an IV and a tag (" + (IV_BYTES + TAG_BITS / 8) + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnsealException("webhook secret sealed with key " + keyId
                    + " does not authenticate: the stored value was altered or damaged");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** {@code [keyId, payload]} of a value with the {@code v1:} prefix. */
    private static String[] parts(String stored) {
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new UnsealException("malformed sealed webhook secret: expected v1:<key id>:<base64>");
        }
        String id = rest.substring(0, colon);
        String payload = rest.substring(colon + 1);
        if (!KEY_ID.matcher(id).matches()) {
            throw new UnsealException("malformed sealed webhook secret: the key id is not 8 lower-case hex characters");
        }
        if (payload.isEmpty() || payload.indexOf(':') >= 0) {
            throw new UnsealException("malformed sealed webhook secret: expected v1:<key id>:<base64>");
        }
        return new String[] {id, payload};
    }

    private static byte[] associatedData(String keyId) {
        return (PREFIX + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    /** A stored value that cannot be opened; the message says why, never what it holds. */
    public static final class UnsealException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnsealException(String message) {
            super(message);
        }
    }
}
