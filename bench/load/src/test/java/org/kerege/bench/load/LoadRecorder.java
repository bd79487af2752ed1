package org.kerege.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulation saw, per request name: answers per HTTP status (0 = no answer: connection error or timeout),
 * how many 429s carried {@code Retry-After}, response times, and the window from the first send to the last answer;
 * plus free-form counters. Written by the simulation's {@code after()} as a properties file that {@code LoadBench}
 * reads: Gatling 3.15 writes no machine-readable statistics, and its HTML report has no per-status counts.
 *
 * <p>Keys: {@code <name>.count}, {@code <name>.status.<code>}, {@code <name>.retryAfter}, {@code <name>.p50},
 * {@code .p95}, {@code .p99}, {@code .max}, {@code .mean} (ms), {@code <name>.firstSendMs}, {@code <name>.lastAnswerMs}
 * (epoch ms), {@code counter.<name>}, in {@link java.util.Properties} syntax. Thread-safe.
 */
final class LoadRecorder {

    /** One request name. */
    private static final class Series {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder retryAfter = new LongAdder();
        final AtomicLong firstSend = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastAnswer = new AtomicLong();
        private int[] millis = new int[1024];
        private int size;

        synchronized void latency(int ms) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
            }
            millis[size++] = ms;
        }

        synchronized int[] sorted() {
            int[] copy = Arrays.copyOf(millis, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    /**
     * @param name           request name
     * @param status         HTTP status, 0 when there was no answer
     * @param millis         response time
     * @param sentAtMs       epoch ms of the send
     * @param withRetryAfter whether the answer carried Retry-After
     */
    void record(String name, int status, int millis, long sentAtMs, boolean withRetryAfter) {
        Series s = series.computeIfAbsent(name, n -> new Series());
        s.statuses.computeIfAbsent(status, c -> new LongAdder()).increment();
        if (status == 429 && withRetryAfter) {
            s.retryAfter.increment();
        }
        s.latency(Math.max(0, millis));
        s.firstSend.accumulateAndGet(sentAtMs, Math::min);
        s.lastAnswer.accumulateAndGet(sentAtMs + millis, Math::max);
    }

    /** Adds one to a free-form counter. */
    void count(String counter) {
        counters.computeIfAbsent(counter, c -> new LongAdder()).increment();
    }

    /** Adds to a free-form counter. */
    void add(String counter, long n) {
        counters.computeIfAbsent(counter, c -> new LongAdder()).add(n);
    }

    /** Writes everything as sorted {@code key=value} lines; does nothing when {@code file} is null. */
    void write(String file) {
        if (file == null || file.isBlank()) {
            return;
        }
        Map<String, String> out = new TreeMap<>();
        series.forEach((name, s) -> {
            int[] v = s.sorted();
            out.put(name + ".count", Integer.toString(v.length));
            s.statuses.forEach((code, n) -> out.put(name + ".status." + code, Long.toString(n.sum())));
            out.put(name + ".retryAfter", Long.toString(s.retryAfter.sum()));
            out.put(name + ".p50", Integer.toString(percentile(v, 0.50)));
            out.put(name + ".p95", Integer.toString(percentile(v, 0.95)));
            out.put(name + ".p99", Integer.toString(percentile(v, 0.99)));
            out.put(name + ".max", Integer.toString(v.length == 0 ? -1 : v[v.length - 1]));
            out.put(name + ".mean", Long.toString(v.length == 0 ? -1 : Arrays.stream(v).asLongStream().sum() / v.length));
            out.put(name + ".firstSendMs", Long.toString(s.firstSend.get()));
            out.put(name + ".lastAnswerMs", Long.toString(s.lastAnswer.get()));
        });
        counters.forEach((name, n) -> out.put("counter." + name, Long.toString(n.sum())));
        StringBuilder text = new StringBuilder();
        // java.util.Properties syntax: counter names may hold spaces (escaped so that the key keeps them)
        out.forEach((k, val) -> text.append(k.replace("\\", "\\\\").replace(" ", "\\ ").replace("=", "\\=")
                .replace(":", "\\:")).append('=').append(val).append('\n'));
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.out.println("load statistics written to " + file);
    }

    /** Nearest-rank percentile of sorted values; -1 when empty. */
    static int percentile(int[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }
}
