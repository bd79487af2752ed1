package org.kerege.status.application.lookup;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.kerege.status.application.domain.AccessCode;

/**
 * The public status lookup's answers, kept in memory as the JSON bytes already written, so that a citizen
 * refreshing the status page is answered without a database round trip or a worker thread.
 *
 * <p>The rules that keep it correct (all tested in {@code PublicStatusCacheTest}):
 * <ul>
 *   <li><b>Only while listening.</b> Answers are kept and served only while this instance listens to the
 *       database's change notifications ({@link #listening(boolean)}); losing the connection forgets everything
 *       and stops caching until listening again.</li>
 *   <li><b>Every change evicts.</b> A database trigger notifies every instance of each committed change to an
 *       application, its history or its due dates ({@link #evict(String)}); this instance also evicts right after
 *       its own commits, so its own writes are read back at once.</li>
 *   <li><b>No stale fill.</b> An answer read from the database is kept only if no eviction of any kind happened
 *       between the start of that read and the put ({@link #generation()}, {@link #put}).</li>
 *   <li><b>Guessing stays throttled.</b> While the application number or the client address is blocked for too
 *       many wrong codes ({@link #block(String, Instant, Instant)}), nothing is served from memory: the lookup goes to the
 *       database, which answers 429. A wrong code is never answered from memory either.</li>
 *   <li><b>Bounded.</b> At most {@code maxEntries} answers; each is dropped after {@code timeToLive} in any case.</li>
 * </ul>
 * Plain Java: the clock is a nano-time supplier, the answers are opaque bytes.
 */
public final class PublicStatusCache {

    /** A kept answer: the stored hash of the access code and the JSON written for it. */
    record Entry(byte[] accessCodeHash, byte[] json, long keptAtNanos) {
    }

    private static final int MAX_BLOCKED = 10_000;

    private final int maxEntries;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong lastSweepNanos = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile boolean listening;

    public PublicStatusCache(int maxEntries, Duration timeToLive, LongSupplier nanoTime) {
        if (maxEntries < 0 || timeToLive.isNegative()) {
            throw new IllegalArgumentException("maxEntries and timeToLive must not be negative");
        }
        this.maxEntries = maxEntries;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The kept answer for a number and a typed code: present only if the code is right, neither the number nor the
     * client address is blocked for guessing, and answers may be served.
     *
     * @param client the client address as the throttle counts it
     */
    public Optional<byte[]> answer(String number, String typedCode, String client, Instant now) {
        if (!listening || maxEntries == 0) {
            return Optional.empty();
        }
        Entry e = entries.get(number);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - e.keptAtNanos() > timeToLiveNanos) {
            entries.remove(number, e);
            return Optional.empty();
        }
        if (blocked(numberKey(number), now) || blocked(clientKey(client), now)) {
            return Optional.empty();
        }
        String code = AccessCode.normalize(typedCode);
        if (code == null || !MessageDigest.isEqual(e.accessCodeHash(), AccessCode.hash(code))) {
            return Optional.empty();
        }
        return Optional.of(e.json());
    }

    /** The eviction generation; read it before a database read whose answer is to be {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /**
     * Keeps an answer read from the database, unless an eviction happened since {@code generationBeforeRead},
     * this instance is not listening, or the cache is full.
     *
     * @return whether it was kept
     */
    public boolean put(String number, byte[] accessCodeHash, byte[] json, long generationBeforeRead) {
        if (!listening || maxEntries == 0 || accessCodeHash == null) {
            return false;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(number) && !sweptRoom()) {
            return false;
        }
        Entry entry = new Entry(accessCodeHash.clone(), json, nanoTime.getAsLong());
        entries.put(number, entry);
        if (generation.get() != generationBeforeRead) {
            // An eviction raced with the read: what was read may already be old.
            entries.remove(number, entry);
            return false;
        }
        return true;
    }

    /** Drops answers past their time to live, at most once a second; whether there is room now. */
    private boolean sweptRoom() {
        long now = nanoTime.getAsLong();
        long last = lastSweepNanos.get();
        if (now - last >= 1_000_000_000L && lastSweepNanos.compareAndSet(last, now)) {
            entries.values().removeIf(e -> now - e.keptAtNanos() > timeToLiveNanos);
        }
        return entries.size() < maxEntries;
    }

    /** Forgets one application's answer (it changed). */
    public void evict(String number) {
        generation.incrementAndGet();
        entries.remove(number);
    }

    /** Forgets every answer (notifications may have been missed). */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Whether change notifications are being received; false forgets everything. */
    public void listening(boolean listening) {
        if (!listening) {
            this.listening = false;
            clear();
        } else {
            clear();
            this.listening = true;
        }
    }

    public boolean isListening() {
        return listening;
    }

    /**
     * A throttle key (number or client) is blocked until the given instant. Blocks already over are dropped when
     * many are kept, so an attack from many addresses cannot grow this without bound for longer than a window.
     */
    public void block(String key, Instant until, Instant now) {
        if (!until.isAfter(now)) {
            return;
        }
        if (blockedUntil.size() >= MAX_BLOCKED) {
            blockedUntil.values().removeIf(u -> !u.isAfter(now));
        }
        blockedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A throttle key is no longer blocked from now on, e.g. its window was reset. */
    public void unblock(String key) {
        blockedUntil.remove(key);
    }

    boolean blocked(String key, Instant now) {
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(now)) {
            blockedUntil.remove(key, until);
            return false;
        }
        return true;
    }

    /** How many answers are kept (for metrics and tests). */
    public int size() {
        return entries.size();
    }

    /** The throttle key of an application number, as in table lookup_throttle. */
    public static String numberKey(String number) {
        return "n:" + number;
    }

    /** The throttle key of a client address, as in table lookup_throttle. */
    public static String clientKey(String client) {
        return "c:" + client;
    }
}
