package org.kerege.journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An officer's client of payments-service, as the journeys drive it: issue and cancel invoices. */
final class Invoices {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Invoices(String officerToken) {
        this.token = officerToken;
    }

    /**
     * Issues a Mongolian 3-year extension invoice (8500 MNT on two accounts); returns its id. A refused
     * or lost attempt (connection error, 429, 5xx while a fault is injected) is retried with the same
     * Idempotency-Key for up to two minutes, as a careful client does: the invoice exists once.
     */
    String issue(String baseUrl, String applicationRef) {
        String body = """
                {"feeCode": "mn.passport.extension", "options": {"years": "3"}, "applicationRef": "%s"}"""
                .formatted(applicationRef);
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/invoices"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                r = null;
            }
            if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                Matcher m = ID.matcher(r.body());
                if (!m.find()) {
                    throw new IllegalStateException("no invoice id in " + r.body());
                }
                return m.group(1);
            }
            boolean retryable = r == null || r.statusCode() == 429 || r.statusCode() >= 500;
            if (!retryable || System.nanoTime() > deadline) {
                throw new IllegalStateException("invoice not issued: "
                        + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void cancel(String baseUrl, String invoiceId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/invoices/" + invoiceId + "/cancel"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"issued in error\"}")));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("invoice " + invoiceId + " not cancelled: " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Issues {@code count} invoices with {@code clients} concurrent clients; {@code urlFor(i)} picks the
     * instance for the i-th invoice.
     */
    List<String> burst(int count, int clients, IntFunction<String> urlFor, String refPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> issue(urlFor.apply(n), refPrefix + "-" + n)));
            }
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
