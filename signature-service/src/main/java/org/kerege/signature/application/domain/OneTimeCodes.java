package org.kerege.signature.application.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMS one-time codes: drawn at random, kept only as a salted HMAC-SHA256, expiring, locked after
 * {@link Policy#maxAttempts()} wrong tries, and rate-limited when (re)sent. The clear code exists
 * only in the SMS and in the return value of {@link #issue}; nothing here logs it.
 */
public final class OneTimeCodes {

    /**
     * @param ttl             how long a code is accepted
     * @param maxAttempts     wrong tries before the code is locked (a new one must be sent)
     * @param resendInterval  minimum time between two SMS to one subject
     * @param maxSendsPerHour SMS per subject per rolling hour window
     * @param digits          code length
     */
    public record Policy(Duration ttl, int maxAttempts, Duration resendInterval, int maxSendsPerHour, int digits) {
        public static final Policy DEFAULT = new Policy(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5, 6);
    }

    /**
     * What is stored for a subject's current code (no clear code).
     *
     * @param salt           random per code
     * @param hash           HMAC-SHA256(key = pepper ‖ salt, message = purpose ‖ subject ‖ code)
     * @param expiresAt      end of validity
     * @param failedAttempts wrong tries so far
     * @param used           accepted once already
     * @param lastSentAt     when the last SMS went out
     * @param windowStart    start of the current hour window
     * @param sendsInWindow  SMS sent in that window
     */
    public record State(byte[] salt, byte[] hash, Instant expiresAt, int failedAttempts, boolean used,
                        Instant lastSentAt, Instant windowStart, int sendsInWindow) {
        public boolean locked(Policy policy) {
            return failedAttempts >= policy.maxAttempts();
        }
    }

    /** A new code: the clear code (for the SMS only) and the state to store. */
    public record Issued(String code, State state) {
        @Override
        public String toString() {
            return "Issued[code=******]";
        }
    }

    /** The outcome of a check. */
    public enum Outcome { ACCEPTED, WRONG, EXPIRED, LOCKED, NO_CODE, ALREADY_USED }

    /** Result of {@link #verify}: the outcome, the state to store, and tries left. */
    public record Verification(Outcome outcome, State state, int attemptsLeft) {
    }

    /** The send was refused: too soon, or too many in the hour. */
    public static final class RateLimitedException extends RuntimeException {
        private final Duration retryAfter;

        public RateLimitedException(Duration retryAfter) {
            super("Too many codes requested; retry after " + retryAfter.toSeconds() + " s", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Policy policy;
    private final byte[] pepper;
    private final SecureRandom random;

    /**
     * @param pepper a server-side secret mixed into every hash (may be empty: the salted HMAC still
     *               hides the code from anyone reading the table, but a 6-digit space can be searched;
     *               configure a pepper in production)
     */
    public OneTimeCodes(Policy policy, byte[] pepper, SecureRandom random) {
        this.policy = policy;
        this.pepper = pepper == null ? new byte[0] : pepper.clone();
        this.random = random;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Draws a new code for {@code purpose}/{@code subject}, replacing the previous one.
     *
     * @param previous the stored state, or null
     * @throws RateLimitedException when the previous SMS was too recent or the hour's quota is used
     */
    public Issued issue(String purpose, String subject, State previous, Instant now) {
        Instant windowStart = now;
        int sends = 0;
        if (previous != null) {
            if (previous.lastSentAt() != null) {
                Instant nextAllowed = previous.lastSentAt().plus(policy.resendInterval());
                if (now.isBefore(nextAllowed)) {
                    throw new RateLimitedException(Duration.between(now, nextAllowed));
                }
            }
            if (previous.windowStart() != null && now.isBefore(previous.windowStart().plus(Duration.ofHours(1)))) {
                windowStart = previous.windowStart();
                sends = previous.sendsInWindow();
                if (sends >= policy.maxSendsPerHour()) {
                    throw new RateLimitedException(Duration.between(now, windowStart.plus(Duration.ofHours(1))));
                }
            }
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < policy.digits(); i++) {
            code.append(random.nextInt(10));
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        State state = new State(salt, hash(salt, purpose, subject, code.toString()), now.plus(policy.ttl()), 0, false,
                now, windowStart, sends + 1);
        return new Issued(code.toString(), state);
    }

    /** Checks a typed code. Wrong tries are counted; the {@code maxAttempts}-th wrong try locks the code. */
    public Verification verify(String purpose, String subject, State state, String typed, Instant now) {
        if (state == null || state.hash() == null) {
            return new Verification(Outcome.NO_CODE, state, 0);
        }
        if (state.used()) {
            return new Verification(Outcome.ALREADY_USED, state, 0);
        }
        if (state.locked(policy)) {
            return new Verification(Outcome.LOCKED, state, 0);
        }
        if (!now.isBefore(state.expiresAt())) {
            return new Verification(Outcome.EXPIRED, state, policy.maxAttempts() - state.failedAttempts());
        }
        boolean match = typed != null && typed.matches("[0-9]{1,12}")
                && MessageDigest.isEqual(state.hash(), hash(state.salt(), purpose, subject, typed));
        if (match) {
            State used = new State(state.salt(), state.hash(), state.expiresAt(), state.failedAttempts(), true,
                    state.lastSentAt(), state.windowStart(), state.sendsInWindow());
            return new Verification(Outcome.ACCEPTED, used, policy.maxAttempts() - state.failedAttempts());
        }
        State failed = new State(state.salt(), state.hash(), state.expiresAt(), state.failedAttempts() + 1, false,
                state.lastSentAt(), state.windowStart(), state.sendsInWindow());
        int left = policy.maxAttempts() - failed.failedAttempts();
        return new Verification(left <= 0 ? Outcome.LOCKED : Outcome.WRONG, failed, Math.max(left, 0));
    }

    byte[] hash(byte[] salt, String purpose, String subject, String code) {
        try {
            byte[] key = new byte[pepper.length + salt.length];
            System.arraycopy(pepper, 0, key, 0, pepper.length);
            System.arraycopy(salt, 0, key, pepper.length, salt.length);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((purpose + "\u0000" + subject + "\u0000" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
