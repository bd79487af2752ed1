package org.kerege.bench.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the three simulations share: system properties, feeder files written by LoadBench, recorded calls. */
final class LoadSupport {

    /** Session attributes set by {@link #recorded}. */
    static final String STATUS = "load.status";
    static final String RETRY_AFTER = "load.retryAfter";
    private static final String RESPONSE_TIME = "load.rt";
    static final String SENT_AT = "load.sentAt";

    private LoadSupport() {
    }

    static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Comma-separated base URLs (one per instance): Gatling gives each virtual user one of them in turn. */
    static List<String> baseUrls(String urls) {
        return java.util.Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    static int intProp(String name, int fallback) {
        return Integer.parseInt(prop(name, Integer.toString(fallback)));
    }

    static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required (LoadBench passes it)");
        }
        return v;
    }

    /**
     * Reads a feeder file written by LoadBench: a header line of column names, then values separated by a tab
     * (tokens hold no tabs; Gatling's csv() would do, but a list feeder lets each scenario have its own queue).
     */
    static List<Map<String, Object>> rows(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            String[] columns = lines.get(0).split("\t");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] values = line.split("\t", -1);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 0; c < columns.length; c++) {
                    row.put(columns[c], values[c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feeder " + file, e);
        }
    }

    /**
     * The request, recorded: its status (0 when no answer came), response time, whether a 429 carried
     * Retry-After. The recording checks run first (they never fail); {@code extra} checks follow, the last of
     * them usually the status the scenario expects (what Gatling's own report counts as OK).
     *
     * @param name  the recorder's name of the call (may depend on the session, e.g. the phase)
     * @param after what to do with the session once recorded (e.g. count an outcome), may be null
     */
    static ChainBuilder recorded(LoadRecorder recorder, Function<Session, String> name, HttpRequestActionBuilder request,
                                 Function<Session, Session> after, CheckBuilder... extra) {
        return exec(s -> s.remove(STATUS).remove(RESPONSE_TIME).remove(RETRY_AFTER)
                .set(SENT_AT, System.currentTimeMillis()))
                .exec(request.check(status().saveAs(STATUS), responseTimeInMillis().saveAs(RESPONSE_TIME),
                        header("Retry-After").optional().saveAs(RETRY_AFTER)).check(extra))
                .exec(s -> {
                    long sentAt = s.getLong(SENT_AT);
                    int status = s.contains(STATUS) ? s.getInt(STATUS) : 0;
                    int millis = s.contains(RESPONSE_TIME) ? s.getInt(RESPONSE_TIME)
                            : (int) (System.currentTimeMillis() - sentAt);
                    recorder.record(name.apply(s), status, millis, sentAt, s.contains(RETRY_AFTER));
                    Session out = s.contains(STATUS) ? s : s.set(STATUS, 0);
                    return after == null ? out : after.apply(out);
                });
    }

    /** Seconds to wait after a 429, from its Retry-After (1 when absent or unreadable, at most 10). */
    static int retryAfterSeconds(Session s) {
        if (!s.contains(RETRY_AFTER)) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(10, Integer.parseInt(s.getString(RETRY_AFTER).trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
