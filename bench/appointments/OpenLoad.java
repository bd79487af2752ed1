import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-arrival-rate (open model) GET load, wrk2-style: request i is due at start + i / rate whatever happened to
 * earlier ones, and its latency is measured from that intended time (no coordinated omission). Single file, run with
 * the JDK's source launcher:
 *
 *   java bench/appointments/OpenLoad.java <url> [--rate=200] [--duration=30] [--warmup=10] [--header=Name:value]
 *
 * Prints one line: RESULT rate=… sent=… ok=… errors=… p50=… p90=… p99=… p999=… max=… (milliseconds).
 */
public class OpenLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Map<String, String> opts = new TreeMap<>();
        String header = null;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            if (kv[0].equals("header")) {
                header = kv[1];
            } else {
                opts.put(kv[0], kv[1]);
            }
        }
        int rate = Integer.parseInt(opts.getOrDefault("rate", "200"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (header != null) {
            String[] h = header.split(":", 2);
            rb.header(h[0].trim(), h[1].trim());
        }
        HttpRequest request = rb.build();

        int total = rate * (warmup + duration);
        int measuredFrom = rate * warmup;
        long[] latencies = new long[rate * duration];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            final int n = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long latency = System.nanoTime() - due;
                if (n >= measuredFrom) {
                    latencies[n - measuredFrom] = latency;
                    if (e != null) {
                        errors.incrementAndGet();
                    } else {
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT rate=%d duration=%ds sent=%d ok=%d errors=%d statuses=%s p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f%n",
                rate, duration, sorted.length, ok.get(), errors.get(), statuses, ms(pct(sorted, 50)), ms(pct(sorted, 90)),
                ms(pct(sorted, 99)), ms(pct(sorted, 99.9)), ms(sorted[sorted.length - 1]));
        System.exit(0);
    }

    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
