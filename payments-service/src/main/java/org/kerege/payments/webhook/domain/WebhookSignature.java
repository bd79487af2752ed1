package org.kerege.payments.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Kerege-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}. During a secret rotation a second {@code v1=} signed with the previous secret follows, so a
 * receiver that still holds the old secret keeps verifying. Receivers compare in constant time and reject
 * a {@code t} too far from their clock (replay protection).
 */
public final class WebhookSignature {

    public static final String HEADER = "Kerege-Signature";

    private WebhookSignature() {
    }

    /** HMAC-SHA256 of {@code t + "." + body}, hex. */
    public static String sign(String secret, long unixSeconds, String body) {
        return hmacHex(secret, unixSeconds + "." + body);
    }

    /** HMAC-SHA256 of a UTF-8 message under a UTF-8 key, lower-case hex. */
    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value, one {@code v1} per secret (current first). */
    public static String header(List<String> secrets, long unixSeconds, String body) {
        StringBuilder b = new StringBuilder("t=").append(unixSeconds);
        for (String s : secrets) {
            b.append(",v1=").append(sign(s, unixSeconds, body));
        }
        return b.toString();
    }

    /** What a receiver does: true when some {@code v1} matches the secret and {@code t} is within tolerance. */
    public static boolean verify(String header, String body, String secret, long nowUnix, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    t = Long.parseLong(part.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        if (t == null || Math.abs(nowUnix - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        for (String part : header.split(",")) {
            if (part.startsWith("v1=") && MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
