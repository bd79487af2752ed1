package org.kerege.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.kerege.devstack.LocalMachine;
import org.kerege.devstack.PostgresServer;
import org.kerege.devstack.Suite;

/**
 * Load of issue 9, run by {@code bench/load/run.sh}: starts the suite (requirements, appointments, payments and
 * status services, their PostgreSQL and Kafka; free ports, fresh data under the work directory), prepares what each
 * simulation needs through the public APIs (citizen and bank tokens, invoices, applications), runs the Gatling
 * simulations one after another through the gatling-maven-plugin
 * ({@code ./mvnw -o -Pbench -pl bench/load test-compile gatling:test -Dgatling.simulationClass=... -Dload.*=...}),
 * checks the database after each, and writes {@code bench/load/target/results.md}.
 *
 * <ol>
 *   <li><b>rush</b> ({@link #rush}, {@code SlotReleaseRushSimulation}): thousands of distinct citizens book at one
 *       office within a minute; afterwards PostgreSQL must show no slot with more active bookings than places
 *       (overbookings = 0).</li>
 *   <li><b>payments</b> ({@link #payments}, {@code PaymentBurstSimulation}): M invoices issued by an officer, then
 *       several banks pay each at once, plus a twin of one request and replays; afterwards PostgreSQL must show at
 *       most one payment per invoice and as many payments as fresh 201s (double payments = 0).</li>
 *   <li><b>overload</b> ({@link #overload}, {@code OverloadSimulation}): status-service runs with its default
 *       {@code kerege.http.shedding.max-in-flight} (2 per processor) unless told otherwise; a rush far above capacity must get 429 with Retry-After while
 *       status lookups keep answering, and ordinary requests must succeed again after the rush (also probed here).</li>
 * </ol>
 *
 * <p>Options ({@code --name=value}): {@code --sims=rush,payments,overload}, {@code --instances=1};
 * rush: {@code --users=3000 --rush-during=60 --rush-days=3 --attempts=3 --confirm=true --office=kg-bishkek-1
 * --service=kg.passport.id-card}; payments: {@code --invoices=1000 --banks=4 --contenders=3 --pay-during=30
 * --twin=true --replay=true}; overload: {@code --overload-rate=1000 --overload-during=30 --lookup-rate=20
 * --recovery-gap=5 --recovery-rate=20 --recovery-during=20 --applications=500 --max-in-flight=} (empty: the
 * service's default) {@code --priority-max-in-flight=} (empty: the service's default) {@code --shed=status} (services given
 * --max-in-flight); {@code --repo}, {@code --work=bench/load/target/load}, {@code --out=bench/load/target/results.md}.
 */
public final class LoadBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BANKS = List.of("khan", "golomt", "tdb", "xac", "state");
    private static final String PAYMENTS_OFFICE = "mn-ub-passport";

    private final Map<String, String> o;
    private final Path repo;
    private final Path work;
    private final Path out;
    private final int instances;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Suite suite;
    private volatile Process gatlingProcess;

    private LoadBench(Map<String, String> options) {
        this.o = options;
        repo = Path.of(options.getOrDefault("repo", System.getProperty("kerege.repo", "."))).toAbsolutePath().normalize();
        work = Path.of(options.getOrDefault("work", repo.resolve("bench/load/target/load").toString()))
                .toAbsolutePath().normalize();
        out = Path.of(options.getOrDefault("out", repo.resolve("bench/load/target/results.md").toString()))
                .toAbsolutePath().normalize();
        instances = Integer.parseInt(options.getOrDefault("instances", "1"));
    }

    /**
     * Runs the simulations and writes the report.
     *
     * @param args {@code --name=value} options, see the class comment
     * @throws Exception when the suite does not start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("usage: LoadBench [--sims=rush,payments,overload] [--instances=1] [--users=3000] "
                        + "[--rush-during=60] [--invoices=1000] [--banks=4] [--contenders=3] [--overload-rate=1000] "
                        + "[--overload-during=30] [--max-in-flight=] ... (see bench/load/README.md)");
                System.exit(2);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        System.exit(new LoadBench(options).run());
    }

    private String opt(String name, String fallback) {
        return o.getOrDefault(name, fallback);
    }

    private int intOpt(String name, int fallback) {
        return Integer.parseInt(o.getOrDefault(name, Integer.toString(fallback)));
    }

    private int run() throws Exception {
        List<String> sims = Arrays.stream(opt("sims", "rush,payments,overload").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        for (String s : sims) {
            if (!List.of("rush", "payments", "overload").contains(s)) {
                throw new IllegalArgumentException("unknown simulation '" + s + "' (rush, payments, overload)");
            }
        }
        StringBuilder report = new StringBuilder();
        String loadBefore = LocalMachine.loadAverage();
        LocalMachine.deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = gatlingProcess;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }, "load-bench-stop-gatling"));
        Suite.Builder b = Suite.builder().repoRoot(repo).dataDir(work.resolve("suite")).randomPorts()
                .instancesPerService(instances)
                .services(Suite.Service.REQUIREMENTS, Suite.Service.APPOINTMENTS, Suite.Service.PAYMENTS,
                        Suite.Service.STATUS)
                .env(Suite.Service.PAYMENTS, "KEREGE_PAYMENTS_WEBHOOKS_ENABLED", "false")
                .readyTimeout(Duration.ofSeconds(240))
                .output(System.out);
        List<String> shed = Arrays.stream(opt("shed", "status").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        String maxInFlight = opt("max-in-flight", "");
        String priorityMax = opt("priority-max-in-flight", "");
        for (String s : shed) {
            if (!maxInFlight.isEmpty()) {
                b.env(Suite.Service.of(s), "KEREGE_HTTP_SHEDDING_MAX_IN_FLIGHT", maxInFlight);
            }
            if (!priorityMax.isEmpty()) {
                b.env(Suite.Service.of(s), "KEREGE_HTTP_SHEDDING_PRIORITY_MAX_IN_FLIGHT", priorityMax);
            }
        }
        int failures = 0;
        System.out.println("starting the suite (" + instances + " instance(s) per service) under " + work + " ...");
        long suiteStart = System.nanoTime();
        try (Suite started = b.start()) {
            suite = started;
            double suiteSeconds = (System.nanoTime() - suiteStart) / 1e9;
            report.append(header(loadBefore, suiteSeconds, shed, maxInFlight, priorityMax));
            for (String sim : sims) {
                String before = LocalMachine.loadAverage();
                String section;
                try {
                    section = switch (sim) {
                        case "rush" -> rush();
                        case "payments" -> payments();
                        default -> overload();
                    };
                } catch (Exception | AssertionError e) {
                    failures++;
                    e.printStackTrace();
                    section = "## " + sim + "\n\nFAILED: " + e + "\n";
                }
                report.append(section).append("\nLoad average before this run: ").append(before).append(", after: ")
                        .append(LocalMachine.loadAverage()).append("\n\n");
                writeReport(report.toString() + "(in progress)\n");
            }
        } finally {
            suite = null;
        }
        report.append("Load average at the end (suite stopped): ").append(LocalMachine.loadAverage()).append('\n');
        writeReport(report.toString());
        System.out.println();
        System.out.print(report);
        System.out.println("(written to " + out + ")");
        return failures == 0 ? 0 : 1;
    }

    private void writeReport(String text) throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ rush

    private String rush() throws Exception {
        String office = opt("office", "kg-bishkek-1");
        String service = opt("service", "kg.passport.id-card");
        int users = intOpt("users", 3000);
        int during = intOpt("rush-during", 60);
        int days = intOpt("rush-days", 3);
        String appointments = suite.url(Suite.Service.APPOINTMENTS, 1);
        System.out.println("== rush: waiting for " + office + "'s slots of " + service + " ...");
        // The first days with free places (the office is closed on some days): the days of the release.
        JsonNode listing = awaitSlots(appointments, office, service);
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode day : listing.path("days")) {
            boolean free = false;
            for (JsonNode slot : day.path("slots")) {
                free |= slot.path("remaining").asInt() > 0;
            }
            if (free && open.size() < days) {
                open.add(day);
            }
        }
        if (open.isEmpty()) {
            throw new IllegalStateException("no free slot at " + office + " in 31 days: " + listing);
        }
        String from = open.get(0).path("date").asText();
        String to = open.get(open.size() - 1).path("date").asText();
        int places = 0;
        int slots = 0;
        for (JsonNode day : open) {
            for (JsonNode slot : day.path("slots")) {
                places += Math.max(0, slot.path("remaining").asInt());
                slots++;
            }
        }
        System.out.printf(Locale.ROOT, "== rush: %s..%s, %d slots, %d free places; minting %d citizen tokens ...%n", from, to,
                slots, places, users);
        Path citizens = work.resolve("feeders/citizens.tsv");
        Files.createDirectories(citizens.getParent());
        StringBuilder feeder = new StringBuilder("person\ttoken\n");
        for (int i = 0; i < users; i++) {
            String pin = String.format(Locale.ROOT, "2%013d", 1_000_000_000L + i);
            feeder.append(pin).append('\t').append(suite.token("citizen", pin, Map.of())).append('\n');
        }
        Files.writeString(citizens, feeder.toString(), StandardCharsets.UTF_8);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("load.appointmentsUrl", urls(Suite.Service.APPOINTMENTS));
        props.put("load.citizensFile", citizens.toString());
        props.put("load.office", office);
        props.put("load.service", service);
        props.put("load.from", from);
        props.put("load.to", to);
        props.put("load.rush.users", Integer.toString(users));
        props.put("load.rush.during", Integer.toString(during));
        props.put("load.rush.attempts", opt("attempts", "3"));
        props.put("load.rush.confirm", opt("confirm", "true"));
        GatlingRun g = gatling("SlotReleaseRushSimulation", props, during + 900L);

        // The database: no slot holds more active bookings than places.
        long activeBookings;
        long confirmed;
        long overCapacityRows;
        long overbookedSlots;
        long overbookedPlaces;
        long slotRows;
        long taken;
        long mismatched;
        try (Connection c = suite.postgres().connect(PostgresServer.DATABASE)) {
            activeBookings = single(c, "select count(*) from appointments.booking where office_id = ? and service_code = ? "
                    + "and status in ('HELD', 'CONFIRMED')", office, service);
            confirmed = single(c, "select count(*) from appointments.booking where office_id = ? and service_code = ? "
                    + "and status = 'CONFIRMED'", office, service);
            overCapacityRows = single(c, "select count(*) from appointments.slot_capacity where taken > capacity");
            String perSlot = "select b.n, c.capacity, c.taken from (select office_id, service_code, starts_at, count(*) n "
                    + "from appointments.booking where status in ('HELD', 'CONFIRMED') group by 1, 2, 3) b "
                    + "left join appointments.slot_capacity c using (office_id, service_code, starts_at)";
            overbookedSlots = single(c, "select count(*) from (" + perSlot + ") x where x.capacity is null or x.n > x.capacity");
            overbookedPlaces = single(c, "select coalesce(sum(greatest(x.n - coalesce(x.capacity, 0), 0)), 0) from ("
                    + perSlot + ") x") + single(c, "select coalesce(sum(taken - capacity), 0) from appointments.slot_capacity "
                    + "where taken > capacity");
            mismatched = single(c, "select count(*) from (" + perSlot + ") x where x.taken is distinct from x.n");
            slotRows = single(c, "select count(*) from appointments.slot_capacity where office_id = ? and service_code = ?",
                    office, service);
            taken = single(c, "select coalesce(sum(taken), 0) from appointments.slot_capacity where office_id = ? "
                    + "and service_code = ?", office, service);
        }
        Stats st = g.stats();
        long created = st.status("book", 201);
        StringBuilder t = new StringBuilder("## Slot release rush (`SlotReleaseRushSimulation`)\n\n");
        t.append(String.format(Locale.ROOT, "%d citizens (each its own token) arriving within %d s (`rampUsers(%d).during(%d)`) "
                        + "at `%s` for `%s`, the days %s..%s: %d slots with %d free places before the rush (%.1f citizens per "
                        + "place). Each: list the slots, book a random free one, on 409 list again and try another, on 429 "
                        + "wait Retry-After; at most %s booking attempts; confirm the held booking: %s.%n%n", users, during,
                users, during, office, service, from, to, slots, places, places == 0 ? 0.0 : (double) users / places,
                opt("attempts", "3"), opt("confirm", "true")));
        table(t, st, List.of("list-slots", "book", "confirm"));
        t.append(String.format(Locale.ROOT, "%nCitizens with a booking: %d; without: %d (the listing showed nothing free: %d).%n",
                st.counter("citizens-with-a-booking"), st.counter("citizens-without-a-booking"),
                st.counter("listing-showed-nothing-free")));
        String refusals = st.countersStartingWith("book-");
        if (!refusals.isEmpty()) {
            t.append("Booking refusals by problem type: ").append(refusals).append(".\n");
        }
        t.append(String.format(Locale.ROOT, "Bookings made: %.1f per second over the rush (201s / time from the first "
                + "booking sent to the last answer).%n", st.perSecond("book", created)));
        t.append(String.format(Locale.ROOT, "%n**Database** (PostgreSQL, after the run): %d active bookings (HELD or CONFIRMED; "
                        + "%d confirmed) for %d booking 201s; %d slot rows with %d places taken of %d places free before; slot "
                        + "rows with taken > capacity: %d; slots with more active bookings than capacity: %d; slots whose "
                        + "taken differs from their active bookings: %d → **overbookings = %d**.%n", activeBookings, confirmed,
                created, slotRows, taken, places, overCapacityRows, overbookedSlots, mismatched, overbookedPlaces));
        t.append(gatlingLine(g));
        if (overbookedPlaces != 0) {
            t.append("\n**CHECK FAILED: overbooked.**\n");
        }
        if (activeBookings != created) {
            t.append(String.format(Locale.ROOT, "%nNote: active bookings ≠ booking 201s (answers lost: %d; confirmations "
                    + "refused: %d).%n", st.status("book", 0), st.count("confirm") - st.status("confirm", 200)));
        }
        return t.toString();
    }

    private JsonNode awaitSlots(String base, String office, String service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> first = get(base + "/v1/offices/" + office + "/slots?service=" + service, null);
            if (first != null && first.statusCode() == 200) {
                JsonNode week = JSON.readTree(first.body());
                LocalDate today = LocalDate.parse(week.path("days").path(0).path("date").asText());
                HttpResponse<String> month = get(base + "/v1/offices/" + office + "/slots?service=" + service + "&from="
                        + today + "&to=" + today.plusDays(30), null);
                if (month != null && month.statusCode() == 200) {
                    JsonNode listing = JSON.readTree(month.body());
                    for (JsonNode day : listing.path("days")) {
                        for (JsonNode slot : day.path("slots")) {
                            if (slot.path("remaining").asInt() > 0) {
                                return listing;
                            }
                        }
                    }
                }
                last = month == null ? "no answer" : month.statusCode() + " " + month.body();
            } else {
                last = first == null ? "no answer" : first.statusCode() + " " + first.body();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no bookable slots within 180 s (the catalog reaches appointments-service over "
                + "Kafka); last answer: " + abbreviate(last));
    }

    // ------------------------------------------------------------------------------------------ payments

    private String payments() throws Exception {
        int count = intOpt("invoices", 1000);
        int banks = intOpt("banks", 4);
        int contenders = intOpt("contenders", 3);
        int during = intOpt("pay-during", 30);
        if (banks < 2 || banks > BANKS.size() || contenders < 2) {
            throw new IllegalArgumentException("--banks must be 2.." + BANKS.size() + ", --contenders at least 2");
        }
        String payments = suite.url(Suite.Service.PAYMENTS, 1);
        String officer = suite.token("officer", "load-officer-" + PAYMENTS_OFFICE, Map.of("office", PAYMENTS_OFFICE,
                "name", "Load Officer", "position", "Senior specialist"));
        System.out.println("== payments: issuing " + count + " invoices ...");
        long t0 = System.nanoTime();
        List<String[]> invoices = issueInvoices(payments, officer, count);
        double issueSeconds = (System.nanoTime() - t0) / 1e9;
        Path invoiceFile = work.resolve("feeders/invoices.tsv");
        Files.createDirectories(invoiceFile.getParent());
        StringBuilder f = new StringBuilder("idx\tcode\tamountMinor\tcurrency\n");
        for (int i = 0; i < invoices.size(); i++) {
            f.append(i).append('\t').append(String.join("\t", invoices.get(i))).append('\n');
        }
        Files.writeString(invoiceFile, f.toString(), StandardCharsets.UTF_8);
        Path bankFile = work.resolve("feeders/banks.tsv");
        StringBuilder bf = new StringBuilder("bank\ttoken\n");
        for (String bank : BANKS.subList(0, banks)) {
            bf.append(bank).append('\t').append(suite.token("bank", "load-bank-" + bank, Map.of("bank", bank))).append('\n');
        }
        Files.writeString(bankFile, bf.toString(), StandardCharsets.UTF_8);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("load.paymentsUrl", urls(Suite.Service.PAYMENTS));
        props.put("load.invoicesFile", invoiceFile.toString());
        props.put("load.banksFile", bankFile.toString());
        props.put("load.pay.contenders", Integer.toString(contenders));
        props.put("load.pay.during", Integer.toString(during));
        props.put("load.pay.twin", opt("twin", "true"));
        props.put("load.pay.replay", opt("replay", "true"));
        GatlingRun g = gatling("PaymentBurstSimulation", props, during + 900L);

        List<String> codes = invoices.stream().map(i -> i[0]).toList();
        long paymentRows;
        long doubleInvoices;
        long extraPayments;
        long paidInvoices;
        long wrongAmount;
        try (Connection c = suite.postgres().connect(PostgresServer.DATABASE)) {
            String mine = "select id from payments.invoice where payment_code = any (?)";
            paymentRows = singleArray(c, "select count(*) from payments.payment where invoice_id in (" + mine + ")", codes);
            doubleInvoices = single(c, "select count(*) from (select invoice_id from payments.payment group by invoice_id "
                    + "having count(*) > 1) d");
            extraPayments = single(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from payments.payment "
                    + "group by invoice_id having count(*) > 1) d");
            paidInvoices = singleArray(c, "select count(*) from payments.invoice where status = 'PAID' and payment_code = any (?)",
                    codes);
            wrongAmount = single(c, "select count(*) from payments.payment p join payments.invoice i on i.id = p.invoice_id "
                    + "where p.amount_minor <> i.total_minor or p.currency <> i.currency");
        }
        Stats st = g.stats();
        long fresh = st.counter("fresh-201");
        StringBuilder t = new StringBuilder("## Payment burst from several banks (`PaymentBurstSimulation`)\n\n");
        t.append(String.format(Locale.ROOT, "%d invoices (`mn.passport.extension`, 3 years: 8500 MNT on two accounts) issued "
                        + "by an officer beforehand (%.1f s, 8 clients); then %d banks (%s) pay them within %d s: %d "
                        + "contenders per invoice at the same moment, each a bank with its own Idempotency-Key%s%s. A 429 "
                        + "or lost answer is retried with the same key after Retry-After.%n%n", count, issueSeconds, banks,
                String.join(", ", BANKS.subList(0, banks)), during, contenders,
                Boolean.parseBoolean(opt("twin", "true")) ? ", plus a twin of contender 0's request (same bank, key "
                        + "and body) sent with it" : "",
                Boolean.parseBoolean(opt("replay", "true")) ? ", and every contender replays its request once answered"
                        : ""));
        table(t, st, List.of("pay", "twin", "replay"));
        t.append("\nOutcomes (status and problem type): ").append(st.countersStartingWith("outcome.")).append(".\n");
        t.append(String.format(Locale.ROOT, "Fresh payments (201 without Idempotent-Replayed): %d — invoices paid once: %d, "
                        + "more than once: %d, not paid: %d. Payments made: %.1f per second; all payment requests: %.1f per "
                        + "second.%n", fresh, st.counter("invoices-with-one-fresh-201"),
                st.counter("invoices-with-several-fresh-201"), st.counter("invoices-without-fresh-201"),
                st.perSecond("pay", fresh), st.perSecondAll(List.of("pay", "twin", "replay"))));
        t.append(String.format(Locale.ROOT, "%n**Database** (PostgreSQL, after the run): %d payment rows for these %d invoices, "
                        + "%d of them PAID; invoices with more than one payment: %d (%d extra payments); payments whose amount "
                        + "or currency differs from the invoice: %d; fresh 201s %s payment rows → **double payments = %d**.%n",
                paymentRows, count, paidInvoices, doubleInvoices, extraPayments, wrongAmount,
                fresh == paymentRows ? "=" : "≠", extraPayments));
        t.append(gatlingLine(g));
        if (extraPayments != 0 || fresh != paymentRows || st.counter("invoices-with-several-fresh-201") != 0) {
            t.append("\n**CHECK FAILED**\n");
        }
        return t.toString();
    }

    /** Issues invoices with 8 concurrent clients (Idempotency-Key, retried on 429/5xx); returns code, amount, currency. */
    private List<String[]> issueInvoices(String base, String officer, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String[]>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String ref = "LOAD-" + i;
                tasks.add(() -> {
                    String key = UUID.randomUUID().toString();
                    String body = "{\"feeCode\": \"mn.passport.extension\", \"options\": {\"years\": 3}, "
                            + "\"applicationRef\": \"" + ref + "\"}";
                    for (int attempt = 0; ; attempt++) {
                        HttpResponse<String> r = post(base + "/v1/invoices", officer, key, body);
                        if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                            JsonNode j = JSON.readTree(r.body());
                            return new String[] {j.path("paymentCode").asText(), Long.toString(j.path("totalMinor").asLong()),
                                    j.path("currency").asText()};
                        }
                        boolean retry = r == null || r.statusCode() == 429 || r.statusCode() >= 500;
                        if (!retry || attempt >= 20) {
                            throw new IllegalStateException("invoice not issued: "
                                    + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
                        }
                        Thread.sleep(500);
                    }
                });
            }
            List<String[]> result = new ArrayList<>();
            for (Future<String[]> f : pool.invokeAll(tasks)) {
                result.add(f.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ overload

    private String overload() throws Exception {
        String office = opt("office", "kg-bishkek-1");
        int apps = intOpt("applications", 500);
        int rate = intOpt("overload-rate", 1000);
        int during = intOpt("overload-during", 30);
        int gap = intOpt("recovery-gap", 5);
        int recovery = intOpt("recovery-during", 20);
        String status = suite.url(Suite.Service.STATUS, 1);
        String officer = suite.token("officer", "load-officer-" + office, Map.of("office", office, "name", "Load Officer",
                "position", "Senior specialist"));
        System.out.println("== overload: accepting " + apps + " applications at " + office + " ...");
        Path appFile = work.resolve("feeders/applications.tsv");
        Files.createDirectories(appFile.getParent());
        StringBuilder f = new StringBuilder("number\taccessCode\n");
        // The first one waits until status-service accepts (catalog over Kafka); the rest with 8 clients. A busy
        // office: the work queue lists up to 500 open applications, each with its earliest running deadline.
        List<JsonNode> talons = new ArrayList<>();
        talons.add(awaitCreated(status + "/v1/applications", officer, applicationBody(0)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonNode>> tasks = new ArrayList<>();
            for (int i = 1; i < apps; i++) {
                int n = i;
                tasks.add(() -> awaitCreated(status + "/v1/applications", officer, applicationBody(n)));
            }
            for (Future<JsonNode> done : pool.invokeAll(tasks)) {
                talons.add(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (JsonNode talon : talons) {
            f.append(talon.path("number").asText()).append('\t').append(talon.path("accessCode").asText()).append('\n');
        }
        Files.writeString(appFile, f.toString(), StandardCharsets.UTF_8);
        Path officerFile = work.resolve("feeders/officer.tsv");
        Files.writeString(officerFile, "token\n" + officer + "\n", StandardCharsets.UTF_8);
        String ordinary = status + "/v1/applications?office=" + office;
        Probe before = probe(ordinary, officer, 20);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("load.statusUrl", urls(Suite.Service.STATUS));
        props.put("load.statusOffice", office);
        props.put("load.officerFile", officerFile.toString());
        props.put("load.applicationsFile", appFile.toString());
        props.put("load.overload.rate", Integer.toString(rate));
        props.put("load.overload.during", Integer.toString(during));
        props.put("load.lookup.rate", opt("lookup-rate", "20"));
        props.put("load.recovery.gap", Integer.toString(gap));
        props.put("load.recovery.rate", opt("recovery-rate", "20"));
        props.put("load.recovery.during", Integer.toString(recovery));
        long shedBefore = shedCount(status);
        GatlingRun g = gatling("OverloadSimulation", props, during + gap + recovery + 900L);
        long shedAfter = shedCount(status);
        Probe after = probe(ordinary, officer, 20);
        HttpResponse<String> ready = get(status + "/q/health/ready", null);
        Stats st = g.stats();
        long rushCount = st.count("rush");
        long rush429 = st.status("rush", 429);
        long rush200 = st.status("rush", 200);
        StringBuilder t = new StringBuilder("## Overload past capacity (`OverloadSimulation`)\n\n");
        t.append(String.format(Locale.ROOT, "status-service started with `kerege.http.shedding.max-in-flight=%s`%s. Rush: "
                        + "`constantUsersPerSec(%d).during(%d)` of an officer's work queue `GET /v1/applications?office=%s` "
                        + "(ordinary path, database work); status lookups `GET /v1/applications/{number}` with the talon's "
                        + "access code (priority path) at %s/s throughout (%d applications); after the rush and a %d s gap, "
                        + "the work queue at %s/s for %d s (recovery). One request per user, no retries.%n%n",
                opt("max-in-flight", "").isEmpty() ? "(default: 2 per processor)" : opt("max-in-flight", ""),
                opt("priority-max-in-flight", "").isEmpty() ? " (priority ceiling: the "
                        + "service's default)" : ", `priority-max-in-flight=" + opt("priority-max-in-flight", "") + "`",
                rate, during, office, opt("lookup-rate", "20"), apps, gap, opt("recovery-rate", "20"), recovery));
        table(t, st, List.of("rush", "lookup-during-rush", "lookup-after-rush", "recovery"));
        t.append(String.format(Locale.ROOT, "%nRush: %d requests sent (%.0f/s offered), %d served (200, %.1f/s), **%d refused "
                        + "with 429** (%.1f %%), %d of them with Retry-After; no answer within 15 s: %d. Shed counter of the "
                        + "instance (`kerege_http_shed_total`): %s.%n", rushCount, (double) rate, rush200,
                st.perSecond("rush", rush200), rush429, rushCount == 0 ? 0.0 : 100.0 * rush429 / rushCount,
                st.retryAfter("rush"), st.status("rush", 0),
                shedBefore < 0 || shedAfter < 0 ? "not readable" : Long.toString(shedAfter - shedBefore)));
        t.append(String.format(Locale.ROOT, "Status lookups during the rush: **%.2f %% answered 200**, p99 %d ms (%d lookups); "
                        + "after it: %.2f %% (%d).%n", st.successRate("lookup-during-rush", 200), st.p99("lookup-during-rush"),
                st.count("lookup-during-rush"), st.successRate("lookup-after-rush", 200), st.count("lookup-after-rush")));
        t.append(String.format(Locale.ROOT, "Recovery (by itself, nothing restarted): **%.2f %% of the work-queue requests "
                        + "answered 200** after the rush, p99 %d ms (%d requests).%n", st.successRate("recovery", 200),
                st.p99("recovery"), st.count("recovery")));
        t.append(String.format(Locale.ROOT, "Probe by the launcher, %d sequential work-queue requests: before the run %s; after "
                        + "it %s; `/q/health/ready` after: %s.%n", before.count(), before, after,
                ready == null ? "no answer" : Integer.toString(ready.statusCode())));
        t.append(gatlingLine(g));
        return t.toString();
    }

    private static String applicationBody(int i) {
        String pin = String.format(Locale.ROOT, "2%013d", 5_000_000_000L + i);
        return """
                {"serviceCode": "kg.passport.id-card",
                 "applicant": {"id": "%s", "name": "Load Applicant %d", "language": "ky", "phone": "+996700123456"},
                 "documents": ["Old passport", "Photo 4x6"],
                 "delivery": {"choice": "PICK_UP"}}""".formatted(pin, i);
    }

    private JsonNode awaitCreated(String url, String token, String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = post(url, token, UUID.randomUUID().toString(), body);
            if (r != null && r.statusCode() == 201) {
                return JSON.readTree(r.body());
            }
            last = r == null ? "no answer" : r.statusCode() + " " + r.body();
            if (r != null && r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 429
                    && r.statusCode() != 422 && r.statusCode() != 404) {
                break;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("POST " + url + " did not succeed: " + abbreviate(last));
    }

    /** Sequential requests: their statuses and latencies. */
    record Probe(int count, Map<Integer, Integer> statuses, long p50, long max) {
        @Override
        public String toString() {
            return "statuses " + statuses + ", p50 " + p50 + " ms, max " + max + " ms";
        }
    }

    private Probe probe(String url, String token, int n) throws InterruptedException {
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(url, token);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            statuses.merge(r == null ? 0 : r.statusCode(), 1, Integer::sum);
        }
        Arrays.sort(ms);
        return new Probe(n, statuses, ms[n / 2], ms[n - 1]);
    }

    /** The instance's {@code kerege_http_shed_total} from /q/metrics; -1 when not readable. */
    private long shedCount(String base) throws InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return -1;
        }
        if (r == null || r.statusCode() != 200) {
            return -1;
        }
        return r.body().lines().filter(l -> l.startsWith("kerege_http_shed_total"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).mapToLong(v -> (long) Double.parseDouble(v))
                .findFirst().orElse(-1);
    }

    // ------------------------------------------------------------------------------------------ Gatling

    /** One Gatling run: its statistics (from the simulation's statistics file), report and exit code. */
    record GatlingRun(Stats stats, Path report, int exitCode, Path log, double seconds) {
    }

    private GatlingRun gatling(String simulation, Map<String, String> props, long timeoutSeconds) throws Exception {
        Path stats = work.resolve("stats/" + simulation + ".properties");
        Files.createDirectories(stats.getParent());
        Files.deleteIfExists(stats);
        Path results = repo.resolve("bench/load/target/gatling");
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-o", "-B", "-Pbench", "-pl",
                "bench/load", "test-compile", "gatling:test",
                "-Dgatling.simulationClass=org.kerege.bench.load." + simulation,
                "-Dload.statsFile=" + stats));
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        Path log = work.resolve("logs/gatling-" + simulation + ".txt");
        System.out.println("== Gatling " + simulation + " (output: " + log + ") ...");
        long before = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile())).start();
        gatlingProcess = p;
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("Gatling did not finish within " + timeoutSeconds + " s; see " + log);
            }
        } finally {
            gatlingProcess = null;
        }
        double seconds = (System.currentTimeMillis() - before) / 1000.0;
        if (!Files.isRegularFile(stats)) {
            throw new IllegalStateException("Gatling (exit " + p.exitValue() + ") wrote no statistics " + stats + "; see "
                    + log + ":\n" + LocalMachine.tail(log, 40));
        }
        Path report = null;
        if (Files.isDirectory(results)) {
            String prefix = simulation.toLowerCase(Locale.ROOT) + "-";
            try (Stream<Path> dirs = Files.list(results)) {
                report = dirs.filter(Files::isDirectory)
                        .filter(d -> d.getFileName().toString().startsWith(prefix))
                        .filter(d -> d.toFile().lastModified() >= before - 1000)
                        .max(Comparator.comparingLong(d -> d.toFile().lastModified())).orElse(null);
            }
        }
        System.out.printf(Locale.ROOT, "== Gatling %s done in %.0f s (exit %d)%n", simulation, seconds, p.exitValue());
        return new GatlingRun(Stats.read(stats), report, p.exitValue(), log, seconds);
    }

    private String gatlingLine(GatlingRun g) {
        return String.format(Locale.ROOT, "%nGatling: exit %d, %.0f s including Maven; report %s; output %s.%n", g.exitCode(),
                g.seconds(), g.report() == null ? "(none found)" : repo.relativize(g.report()) + "/index.html",
                repo.relativize(g.log()));
    }

    /** What a simulation's LoadRecorder wrote. */
    record Stats(Map<String, String> values) {
        static Stats read(Path file) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return new Stats(m);
        }

        long num(String key) {
            String v = values.get(key);
            return v == null ? 0 : Long.parseLong(v);
        }

        long count(String name) {
            return num(name + ".count");
        }

        long status(String name, int status) {
            return num(name + ".status." + status);
        }

        long retryAfter(String name) {
            return num(name + ".retryAfter");
        }

        long p99(String name) {
            return values.containsKey(name + ".p99") ? num(name + ".p99") : -1;
        }

        long counter(String name) {
            return num("counter." + name);
        }

        double successRate(String name, int status) {
            long n = count(name);
            return n == 0 ? Double.NaN : 100.0 * status(name, status) / n;
        }

        /** Seconds from the first send to the last answer of a request name. */
        double seconds(String name) {
            long first = num(name + ".firstSendMs");
            long last = num(name + ".lastAnswerMs");
            return last > first ? (last - first) / 1000.0 : Double.NaN;
        }

        double perSecond(String name, long n) {
            return n / seconds(name);
        }

        double perSecondAll(List<String> names) {
            long first = names.stream().filter(n -> count(n) > 0).mapToLong(n -> num(n + ".firstSendMs")).min().orElse(0);
            long last = names.stream().filter(n -> count(n) > 0).mapToLong(n -> num(n + ".lastAnswerMs")).max().orElse(0);
            long total = names.stream().mapToLong(this::count).sum();
            return last > first ? total / ((last - first) / 1000.0) : Double.NaN;
        }

        /** Statuses of a request name, e.g. {@code 201: 300, 409: 1200}. */
        String statuses(String name) {
            String prefix = name + ".status.";
            return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(prefix.length()))))
                    .map(e -> {
                        String code = e.getKey().substring(prefix.length());
                        return (code.equals("0") ? "no answer" : code) + ": " + e.getValue();
                    })
                    .collect(Collectors.joining(", "));
        }

        String countersStartingWith(String prefix) {
            return values.entrySet().stream().filter(e -> e.getKey().startsWith("counter." + prefix))
                    .map(e -> e.getKey().substring(("counter." + prefix).length()) + " = " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    private static void table(StringBuilder t, Stats st, List<String> names) {
        t.append("| request | count | answers by status | 429 with Retry-After | requests/s | p50 ms | p95 ms | p99 ms | "
                + "max ms | mean ms |\n");
        t.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String n : names) {
            if (st.count(n) == 0) {
                continue;
            }
            t.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %d | %d | %d | %d | %d |%n", n, st.count(n),
                    st.statuses(n), st.retryAfter(n), st.perSecond(n, st.count(n)), st.num(n + ".p50"), st.num(n + ".p95"),
                    st.num(n + ".p99"), st.num(n + ".max"), st.num(n + ".mean")));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The base URLs of every instance of a service, comma-separated (the simulations spread users over them). */
    private String urls(Suite.Service service) {
        return IntStream.rangeClosed(1, instances).mapToObj(i -> suite.url(service, i)).collect(Collectors.joining(","));
    }

    private HttpResponse<String> get(String url, String token) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private HttpResponse<String> post(String url, String token, String key, String body) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long singleArray(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String header(String loadBefore, double suiteSeconds, List<String> shed, String maxInFlight,
                          String priorityMax) {
        StringBuilder t = new StringBuilder("# Load bench (issue 9)\n\n");
        t.append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        t.append("**Machine**: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
                .append(cpuModel()).append(", ").append(memory()).append("; Java ").append(System.getProperty("java.vm.version"))
                .append("; load average before: ").append(loadBefore).append(". The suite, PostgreSQL, Kafka, Maven and ")
                .append("the Gatling JVM all share these cores: the figures are of the whole machine, not of a service ")
                .append("alone.\n\n");
        t.append(String.format(Locale.ROOT, "**Suite**: requirements, appointments, payments and status services, %d instance(s) "
                        + "each (JVM options `%s`), embedded PostgreSQL and a Kafka broker; started in %.0f s. Load shedding: "
                        + "`kerege.http.shedding.max-in-flight=%s`%s for %s; the others keep their defaults (2 ordinary and 8 "
                        + "priority requests per processor).%n%n",
                instances, String.join(" ", Suite.DEFAULT_JAVA_OPTIONS), suiteSeconds,
                maxInFlight.isEmpty() ? "(default: 2 per processor)" : maxInFlight,
                priorityMax.isEmpty() ? "" : ", priority " + priorityMax, shed.isEmpty() ? "none" : String.join(", ", shed)));
        return t.toString();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            Map<String, Long> kb = lines.map(l -> l.split(":\\s+"))
                    .filter(p -> p.length == 2 && p[1].endsWith(" kB"))
                    .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1].replace(" kB", "").trim()), (a, b) -> a));
            return String.format(Locale.ROOT, "%.1f GiB memory (%.1f GiB available at the start)",
                    kb.getOrDefault("MemTotal", 0L) / 1048576.0, kb.getOrDefault("MemAvailable", 0L) / 1048576.0);
        } catch (IOException e) {
            return "memory unknown";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
