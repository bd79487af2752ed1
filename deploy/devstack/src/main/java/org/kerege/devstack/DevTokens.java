package org.kerege.devstack;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Development JWTs (RS256), written with the JDK only, that the services' MicroProfile JWT check
 * accepts when configured with the matching public key and issuer {@value #ISSUER}.
 *
 * <p>Header: {@code {"alg":"RS256","typ":"JWT","kid":<key thumbprint>}}. Claims, in this order:
 * {@code iss}, {@code sub}, {@code upn} (= sub), {@code groups} (= [role]), {@code iat}, {@code exp},
 * {@code jti}, then the extra claims. An extra claim with the name of a standard one replaces it, so a
 * test can forge, say, a wrong {@code iss} or a second group.
 *
 * <p>Roles (contracts.md): {@code citizen} (subject = the person's identifier), {@code officer} (claim
 * {@value #OFFICE_CLAIM}), {@code bank} (claim {@value #BANK_CLAIM}), {@code partner}, {@code admin},
 * {@code service}. For development and tests only.
 */
public final class DevTokens {

    /** The issuer of every development token ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://kerege.local/dev";
    /** The roles of contracts.md, each a value of the {@code groups} claim. */
    public static final List<String> ROLES = List.of("citizen", "officer", "bank", "partner", "admin", "service");
    /** Claim holding the office id of an {@code officer}. */
    public static final String OFFICE_CLAIM = "office";
    /** Claim holding the bank id of a {@code bank} user. */
    public static final String BANK_CLAIM = "bank";
    /** Lifetime used when none is given. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /**
     * Writes a signed token.
     *
     * @param key         the RSA signing key ({@link DevKeys#privateKey()})
     * @param role        one of {@link #ROLES}
     * @param subject     {@code sub} and {@code upn}
     * @param extraClaims more claims (may be null): String, Number, Boolean, null, Map, Iterable or array
     *                    values; anything else is written as its {@code toString()}
     * @param ttl         lifetime from now; {@code exp = iat + ttl}
     * @return {@code header.claims.signature}, base64url without padding
     * @throws IllegalArgumentException for an unknown role, a blank subject or a non-positive ttl
     */
    public static String mint(PrivateKey key, String role, String subject, Map<String, Object> extraClaims,
                              Duration ttl) {
        Objects.requireNonNull(key, "key");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        long now = Instant.now().getEpochSecond();

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId(key));

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("iat", now);
        claims.put("exp", now + Math.max(1, ttl.toSeconds()));
        claims.put("jti", UUID.randomUUID().toString());
        if (extraClaims != null) {
            claims.putAll(extraClaims);
        }

        String signingInput = base64Url(toJson(header)) + "." + base64Url(toJson(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key.getAlgorithm() + " key", e);
        }
    }

    /**
     * Same as {@link #mint(PrivateKey, String, String, Map, Duration)} with {@link #DEFAULT_TTL}.
     *
     * @param keys        the key pair
     * @param role        one of {@link #ROLES}
     * @param subject     {@code sub} and {@code upn}
     * @param extraClaims more claims, may be null
     * @return the token
     */
    public static String mint(DevKeys keys, String role, String subject, Map<String, Object> extraClaims) {
        return mint(keys.privateKey(), role, subject, extraClaims, DEFAULT_TTL);
    }

    /**
     * The RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA public key.
     *
     * @param key the public key
     * @return the key id
     */
    public static String keyId(RSAPublicKey key) {
        return thumbprint(key.getModulus(), key.getPublicExponent());
    }

    /** The thumbprint of the public half of a CRT private key (what the JDK generates), else a fixed id. */
    static String keyId(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey crt) {
            return thumbprint(crt.getModulus(), crt.getPublicExponent());
        }
        return "kerege-dev";
    }

    private static String thumbprint(BigInteger modulus, BigInteger exponent) {
        String jwk = "{\"e\":\"" + base64Url(unsigned(exponent)) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(unsigned(modulus)) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static String base64Url(String json) {
        return base64Url(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serialises a value as JSON (RFC 8259): maps, iterables, arrays, strings, numbers, booleans, null;
     * other objects as their {@code toString()} string.
     *
     * @param value the value
     * @return compact JSON text
     */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            writeString(value.toString(), out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(value);
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(String.valueOf(e.getKey()), out);
                out.append(':');
                writeJson(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : iterable) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(item, out);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(Array.get(value, i), out);
            }
            out.append(']');
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pairedSurrogate) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
