package org.kerege.bench.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The measured phase of a ChecklistSimulation run: counts and response-time percentiles of one request name from
 * Gatling's HTML report (the request's page; percentiles and min/max/mean over all of
 * the request's responses, OK and KO), and the achieved sending rate from the line the simulation prints at its end.
 *
 * @param total requests of the measured phase
 * @param ok those that passed the checks (status 200, the service's code in the body)
 * @param ko those that failed
 * @param sent requests sent in the measured phase, as counted by the simulation
 * @param sendSeconds seconds from the first to the last send of the measured phase
 * @param min min response time, ms (of all requests, OK and KO)
 * @param p50 50th percentile, ms
 * @param p75 75th percentile, ms
 * @param p95 95th percentile, ms
 * @param p99 99th percentile, ms
 * @param max max, ms
 * @param mean mean, ms
 * @param errors Gatling's error messages with their counts, or empty
 * @param report the report directory
 * @param exitCode exit code of the Maven run
 */
record GatlingStats(long total, long ok, long ko, long sent, double sendSeconds, long min, long p50, long p75, long p95,
                    long p99, long max, long mean, String errors, Path report, int exitCode) {

    /** Printed by ChecklistSimulation#after. */
    private static final Pattern PHASE = Pattern.compile(
            "ChecklistSimulation measured phase: sent=([0-9]+) firstSendMs=([0-9]+) lastSendMs=([0-9]+)");

    /** @return requests sent per second in the measured phase */
    double sentPerSecond() {
        return sendSeconds <= 0 ? Double.NaN : (sent - 1) / sendSeconds;
    }

    /** A row of the request page's tables: title, then the total, OK and KO cells. */
    private static final Pattern ROW = Pattern.compile("<td class=\"title\">([^<]+)(?:</abbr>)?</td>\\s*"
            + "<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>");
    private static final Pattern ERROR = Pattern.compile("<td class=\"error-col-1 total ko\">([^<]*)<span[^>]*>[^<]*</span></td>"
            + "\\s*<td class=\"value error-col-2 total ko\">([0-9]+)</td>");

    /**
     * Reads the statistics of one request name from Gatling's HTML report (Gatling 3.15 writes no stats.json):
     * {@code <report>/req_<name>-<hash>.html}.
     */
    static GatlingStats read(Path report, String requestName, String gatlingOutput, int exitCode) {
        String html;
        try (Stream<Path> files = Files.list(report)) {
            Path page = files.filter(f -> f.getFileName().toString().startsWith("req_" + requestName + "-")
                            && f.getFileName().toString().endsWith(".html"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no page of request '" + requestName
                            + "' in " + report));
            html = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Gatling report " + report + ": " + e.getMessage(), e);
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher r = ROW.matcher(html);
        while (r.find()) {
            rows.putIfAbsent(r.group(1).trim(), new String[] {r.group(2).trim(), r.group(3).trim(), r.group(4).trim()});
        }
        List<String> errors = new ArrayList<>();
        Matcher e = ERROR.matcher(html);
        while (e.find()) {
            errors.add(unescape(e.group(1).trim()) + " (" + e.group(2) + ")");
        }
        Matcher m = PHASE.matcher(gatlingOutput);
        long sent = 0;
        double seconds = 0;
        if (m.find()) {
            sent = Long.parseLong(m.group(1));
            seconds = (Long.parseLong(m.group(3)) - Long.parseLong(m.group(2))) / 1000.0;
        }
        return new GatlingStats(cell(rows, "Total count", 0), cell(rows, "Total count", 1), cell(rows, "Total count", 2),
                sent, seconds, cell(rows, "Min", 0), cell(rows, "50th percentile", 0), cell(rows, "75th percentile", 0),
                cell(rows, "95th percentile", 0), cell(rows, "99th percentile", 0), cell(rows, "Max", 0),
                cell(rows, "Mean", 0), String.join("; ", errors), report, exitCode);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** A number of the total (0), OK (1) or KO (2) column; -1 when absent or "-". */
    private static long cell(Map<String, String[]> rows, String title, int column) {
        String[] row = rows.get(title);
        if (row == null || !row[column].matches("[0-9]+")) {
            return -1;
        }
        return Long.parseLong(row[column]);
    }
}
