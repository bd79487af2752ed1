package org.kerege.journeys;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kerege.devstack.Suite.Service.APPOINTMENTS;
import static org.kerege.devstack.Suite.Service.PAYMENTS;
import static org.kerege.devstack.Suite.Service.REQUIREMENTS;
import static org.kerege.devstack.Suite.Service.STATUS;
import static org.kerege.journeys.SuiteApi.expect;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.kerege.devstack.testing.Eventually;

/**
 * The citizen journeys of issue 9, driven only through the public APIs of a running suite (and a
 * bank's point of view). Each journey makes its own people and applications, so the journeys can run
 * one after another on one suite, and again on a suite with two instances of every service.
 */
final class CitizenJourneys {

    private CitizenJourneys() {
    }

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** A fresh 14-digit personal number (KG PIN / UZ PINFL shaped). */
    static String personalNumber(char first) {
        StringBuilder b = new StringBuilder().append(first);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (b.length() < 14) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    static String officer(SuiteApi api, String office) {
        return api.token("officer", "officer-" + office, Map.of("office", office, "name", "Journey Officer",
                "position", "Senior specialist"));
    }

    static String bank(SuiteApi api, String bank) {
        return api.token("bank", "bank-" + bank, Map.of("bank", bank));
    }

    /** The public status of an application, as the applicant sees it with the talon's access code. */
    static JsonPath publicStatus(SuiteApi api, String number, String accessCode) {
        return expect(200, api.as(STATUS, null).header("X-Access-Code", accessCode)
                .get("/v1/applications/" + number)).jsonPath();
    }

    static void awaitState(SuiteApi api, String number, String accessCode, String state) {
        publicStatusIn(api, number, accessCode, state);
    }

    /**
     * The public status once it shows a state. Needed even right after a synchronous transition: the calls alternate
     * instances, and an instance answers public lookups from memory until the database's change notification reaches
     * it, normally milliseconds after the other instance's commit (ADR 0007).
     */
    static JsonPath publicStatusIn(SuiteApi api, String number, String accessCode, String state) {
        JsonPath[] seen = new JsonPath[1];
        Eventually.within(EVENTUALLY, () -> {
            seen[0] = publicStatus(api, number, accessCode);
            assertEquals(state, seen[0].getString("state"));
        });
        return seen[0];
    }

    static void transition(SuiteApi api, String officerToken, String number, String body) {
        expect(200, api.as(STATUS, officerToken).body(body).post("/v1/applications/" + number + "/transitions"));
    }

    /** Issues an invoice as the officer who accepted the documents; returns it. */
    static JsonPath invoice(SuiteApi api, String officerToken, String feeCode, String options, String applicationRef) {
        return expect(201, api.asIdempotent(PAYMENTS, officerToken).body("""
                {"feeCode": "%s", "options": %s, "applicationRef": "%s"}""".formatted(feeCode, options, applicationRef))
                .post("/v1/invoices")).jsonPath();
    }

    /** A bank pays an invoice it found by payment code: the exact amount, once, with an Idempotency-Key. */
    static JsonPath bankPays(SuiteApi api, String bankToken, String paymentCode, long amountMinor, String currency) {
        String key = "journey-" + paymentCode + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String body = """
                {"amountMinor": %d, "currency": "%s", "bankReference": "%s"}""".formatted(amountMinor, currency, key);
        Response first = expect(201, api.as(PAYMENTS, bankToken).header("Idempotency-Key", key).body(body)
                .post("/v1/bank/invoices/" + paymentCode + "/payments"));
        // A retry of the same request (the app lost the answer) is the same payment, not a second one.
        Response replay = api.as(PAYMENTS, bankToken).header("Idempotency-Key", key).body(body)
                .post("/v1/bank/invoices/" + paymentCode + "/payments");
        assertEquals(first.asString(), replay.asString(), "a replay returns the original answer");
        // Another request (another key) for the paid invoice is refused.
        Response again = api.as(PAYMENTS, bankToken).header("Idempotency-Key", key + "-again").body(body)
                .post("/v1/bank/invoices/" + paymentCode + "/payments");
        assertEquals(409, again.statusCode(), again.asString());
        return first.jsonPath();
    }

    /**
     * 1. Kyrgyz ID passport, lost passport: checklist → online booking → documents accepted (talon) →
     * invoice → a bank pays by payment code → status shows the fee paid → ready → home delivery.
     */
    static void kyrgyzIdPassportAfterLoss(SuiteApi api) {
        String pin = personalNumber('2');
        String citizen = api.token("citizen", pin, Map.of());
        String office = "kg-bishkek-1";
        String officer = officer(api, office);

        // What do I bring? (in Kyrgyz)
        expect(200, api.as(REQUIREMENTS, citizen).header("Accept-Language", "ky")
                .body("{\"age\": 34, \"citizenship\": \"KG\", \"lostDocument\": true}")
                .post("/v1/services/kg.passport.id-card/checklist"))
                .then().body("language", equalTo("ky"))
                .body("documents.id", hasItems("lost-passport-copy", "loss-statement", "photo"))
                .body("documents.id", not(hasItems("replaced-passport")));

        // When do I come? The first free slot, held and confirmed.
        JsonPath slots = expect(200, api.as(APPOINTMENTS, citizen).queryParam("service", "kg.passport.id-card")
                .get("/v1/offices/" + office + "/slots")).jsonPath();
        List<Map<String, Object>> free = slots.getList("days.slots.flatten().findAll { it.remaining > 0 }");
        assertFalse(free.isEmpty(), "Bishkek has free slots");
        String startsAt = (String) free.get(0).get("startsAt");
        assertTrue(startsAt.endsWith("+06:00"), "times in Bishkek's offset: " + startsAt);
        JsonPath booking = expect(201, api.asIdempotent(APPOINTMENTS, citizen).body("""
                {"officeId": "%s", "serviceCode": "kg.passport.id-card", "startsAt": "%s"}""".formatted(office, startsAt))
                .post("/v1/bookings")).jsonPath();
        String bookingId = booking.getString("id");
        expect(200, api.as(APPOINTMENTS, citizen).post("/v1/bookings/" + bookingId + "/confirm"))
                .then().body("status", equalTo("CONFIRMED"));

        // At the centre: the short code typed at the terminal makes a ticket.
        expect(200, api.as(APPOINTMENTS, officer).body("{}")
                .post("/v1/bookings/" + booking.getString("shortCode") + "/check-in"))
                .then().body("number", org.hamcrest.Matchers.startsWith("B-"));

        // Documents accepted: the talon, with home delivery.
        JsonPath talon = expect(201, api.as(STATUS, officer).body("""
                {"serviceCode": "kg.passport.id-card",
                 "applicant": {"id": "%s", "name": "Aibek Toktogulov", "language": "ky", "phone": "+996700123456"},
                 "documents": ["Copy of the lost passport", "Statement of loss", "Photo 4x6"],
                 "delivery": {"choice": "HOME_DELIVERY", "address": "Bishkek, Chui avenue 120, apt. 5", "phone": "+996700123456"},
                 "bookingId": "%s"}""".formatted(pin, bookingId)).post("/v1/applications")).jsonPath();
        String number = talon.getString("number");
        String accessCode = talon.getString("accessCode");
        assertEquals("Journey Officer", talon.getString("acceptedBy.name"));
        assertNotNull(accessCode);

        // How do I pay? The invoice, found and paid by a bank by its payment code.
        JsonPath invoice = invoice(api, officer, "kg.passport.id-card", "{}", number);
        String code = invoice.getString("paymentCode");
        String bank = bank(api, "halyk-kg");
        JsonPath seen = expect(200, api.as(PAYMENTS, bank).get("/v1/bank/invoices/" + code)).jsonPath();
        assertEquals(invoice.getLong("totalMinor"), seen.getLong("amountMinor"));
        assertTrue(seen.getBoolean("payable"));
        bankPays(api, bank, code, seen.getLong("amountMinor"), seen.getString("currency"));

        // Where is my application? Fee paid with no officer's step, then review, ready, delivered.
        awaitState(api, number, accessCode, "FEE_PAID");
        transition(api, officer, number, "{\"event\": \"review-started\"}");
        transition(api, officer, number, "{\"event\": \"granted\"}");
        transition(api, officer, number, "{\"event\": \"ready\"}");
        // Home delivery chosen: "issued" at the counter is not the way; the courier is.
        Response counter = api.as(STATUS, officer).body("{\"event\": \"issued\"}")
                .post("/v1/applications/" + number + "/transitions");
        assertEquals(409, counter.statusCode(), counter.asString());
        transition(api, officer, number, "{\"event\": \"dispatched\"}");
        transition(api, officer, number, "{\"event\": \"delivered\"}");
        JsonPath done = publicStatusIn(api, number, accessCode, "DELIVERED");
        assertTrue(done.getList("history.event").containsAll(List.of("fee-paid", "dispatched", "delivered")),
                done.prettify());
        // The citizen's own token sees the record; another citizen's does not.
        expect(200, api.as(STATUS, citizen).get("/v1/applications/" + number));
        Response other = api.as(STATUS, api.token("citizen", personalNumber('2'), Map.of())).get("/v1/applications/" + number);
        assertTrue(other.statusCode() == 404 || other.statusCode() == 403, other.asString());
        assertFalse(other.asString().contains("Toktogulov"));
    }

    /**
     * 2. Mongolian passport extension by 3 years for a 70-year-old: checklist → walk-in ticket called at
     * the priority window → invoice of 8500 MNT on two accounts → a bank pays by QR → extended.
     */
    static void mongolianExtensionForAnElder(SuiteApi api) {
        String person = "УБ" + personalNumber('5').substring(0, 8);
        String office = "mn-ub-passport";
        String officer = officer(api, office);

        expect(200, api.as(REQUIREMENTS, null).header("Accept-Language", "mn")
                .body("{\"age\": 70, \"extensionYears\": 3}").post("/v1/services/mn.passport.extension/checklist"))
                .then().body("language", equalTo("mn"));

        // A walk-in, priority group (elderly): ticket P-..., called at window 11.
        JsonPath ticket = expect(201, api.asIdempotent(APPOINTMENTS, api.token("service", "kiosk-" + office, Map.of()))
                .body("{\"serviceCode\": \"mn.passport.extension\", \"priority\": true}")
                .post("/v1/offices/" + office + "/tickets")).jsonPath();
        assertTrue(ticket.getString("number").startsWith("P-"), ticket.prettify());
        // Window 11 calls priority tickets first; keep calling until ours comes (other runs may be queued).
        String calledId = null;
        for (int i = 0; i < 50 && !ticket.getString("id").equals(calledId); i++) {
            Response called = api.as(APPOINTMENTS, officer).post("/v1/offices/" + office + "/counters/11/call-next");
            assertEquals(200, called.statusCode(), "window 11 has our ticket waiting: " + called.asString());
            calledId = called.jsonPath().getString("id");
            if (!ticket.getString("id").equals(calledId)) {
                expect(200, api.as(APPOINTMENTS, officer).post("/v1/tickets/" + calledId + "/served"));
            }
        }
        assertEquals(ticket.getString("id"), calledId);

        JsonPath talon = expect(201, api.as(STATUS, officer).body("""
                {"serviceCode": "mn.passport.extension",
                 "applicant": {"id": "%s", "name": "Dorj Bat", "language": "mn"},
                 "documents": ["Ordinary passport", "Application form"],
                 "delivery": {"choice": "PICK_UP"}}""".formatted(person)).post("/v1/applications")).jsonPath();
        String number = talon.getString("number");
        expect(200, api.as(APPOINTMENTS, officer).post("/v1/tickets/" + calledId + "/served"));

        JsonPath invoice = invoice(api, officer, "mn.passport.extension", "{\"years\": 3}", number);
        assertEquals(850000L, invoice.getLong("totalMinor"), "2000 × 3 + 2500 = 8500 MNT");
        assertEquals("MNT", invoice.getString("currency"));
        assertEquals(2, invoice.getList("lines").size(), "two accounts");
        assertEquals(850000L, invoice.getList("lines.amountMinor", Long.class).stream().mapToLong(Long::longValue).sum());

        // The bank's app scans the QR: resolves the payload, pays by the code it names.
        String bank = bank(api, "golomt");
        String payload = invoice.getString("qrPayload");
        assertTrue(payload.startsWith("000201010212"), payload);
        JsonPath resolved = expect(200, api.as(PAYMENTS, bank).body(java.util.Map.of("payload", payload))
                .post("/v1/bank/qr/resolve")).jsonPath();
        assertEquals(850000L, resolved.getLong("amountMinor"));
        String tampered = payload.substring(0, payload.length() - 1)
                + (payload.endsWith("0") ? "1" : "0");
        Response refused = api.as(PAYMENTS, bank).body(java.util.Map.of("payload", tampered)).post("/v1/bank/qr/resolve");
        assertTrue(refused.statusCode() == 400 || refused.statusCode() == 422, refused.asString());
        bankPays(api, bank, resolved.getString("paymentCode"), 850000L, "MNT");

        awaitState(api, number, talon.getString("accessCode"), "FEE_PAID");
        transition(api, officer, number, "{\"event\": \"review-started\"}");
        transition(api, officer, number, "{\"event\": \"granted\"}");
        transition(api, officer, number, "{\"event\": \"ready\"}");
        transition(api, officer, number, "{\"event\": \"issued\"}");
        awaitState(api, number, talon.getString("accessCode"), "ISSUED");
    }

    /**
     * 5. Meken-card: refused for a citizen of a bordering state; a former citizen living abroad granted
     * within the 60-day window.
     */
    static void mekenCard(SuiteApi api, LocalDate today) {
        expect(200, api.as(REQUIREMENTS, null).header("Accept-Language", "en")
                .body("{\"citizenship\": \"KZ\", \"category\": \"former-citizen\", \"procedure\": \"general\"}")
                .post("/v1/services/kg.meken-card/checklist"))
                .then().body("eligible", equalTo("NO"));

        expect(200, api.as(REQUIREMENTS, null).header("Accept-Language", "en")
                .body("{\"citizenship\": \"DE\", \"countryOfResidence\": \"DE\", \"category\": \"former-citizen\", "
                        + "\"procedure\": \"general\", \"applyingAtMissionAbroad\": true}")
                .post("/v1/services/kg.meken-card/checklist"))
                .then().body("eligible", equalTo("YES")).body("reviewWindow.determined.amount", equalTo(60));

        String office = "kg-consulate-moscow";
        String officer = officer(api, office);
        String person = "DE" + personalNumber('1').substring(0, 9);
        JsonPath talon = expect(201, api.as(STATUS, officer).body("""
                {"serviceCode": "kg.meken-card",
                 "applicant": {"id": "%s", "name": "Anna Schmidt", "language": "en"},
                 "documents": ["Application", "Foreign passport", "Proof of former Kyrgyz citizenship",
                               "No criminal record (Germany)", "No criminal record (Kyrgyzstan)"],
                 "facts": {"procedure": "general"},
                 "delivery": {"choice": "PICK_UP"}}""".formatted(person)).post("/v1/applications")).jsonPath();
        String number = talon.getString("number");
        String accessCode = talon.getString("accessCode");
        LocalDate due = LocalDate.parse(talon.getString("dueDates.find { it.clock == 'decision' }.dueDate"));
        assertTrue(!due.isBefore(today.plusDays(60)) && !due.isAfter(today.plusDays(63)),
                "decision due 60 days after acceptance (moved off a day off at most): " + due);

        JsonPath invoice = invoice(api, officer, "kg.meken-card", "{\"applyingAtMissionAbroad\": true}", number);
        String bank = bank(api, "sber-ru");
        JsonPath seen = expect(200, api.as(PAYMENTS, bank).get("/v1/bank/invoices/" + invoice.getString("paymentCode")))
                .jsonPath();
        bankPays(api, bank, invoice.getString("paymentCode"), seen.getLong("amountMinor"), seen.getString("currency"));
        awaitState(api, number, accessCode, "FEE_PAID");
        transition(api, officer, number, "{\"event\": \"review-started\"}");
        transition(api, officer, number, "{\"event\": \"granted\"}");
        JsonPath granted = publicStatusIn(api, number, accessCode, "GRANTED");
        assertTrue(!today.isAfter(due), "granted today, inside the window ending " + due);
    }

    /**
     * 4. Uzbek e-key online for an individual: application → SMS code → invoice with the portal discount →
     * payment → CSR → certificate with the PINFL → revoke → OCSP says revoked. The key pair and CSR are
     * made on the applicant's side (openssl); the OCSP question is asked by openssl too.
     */
    static void uzbekEKeyOnline(SuiteApi api, java.nio.file.Path work) throws Exception {
        String pinfl = personalNumber('3');
        String phone = "+99890" + personalNumber('1').substring(0, 7);
        String citizen = api.token("citizen", pinfl, Map.of());
        JsonPath submitted = expect(201, api.as(org.kerege.devstack.Suite.Service.SIGNATURE, citizen).body("""
                {"applicantType": "INDIVIDUAL", "pinfl": "%s", "holderName": "Berdaq Ajiniyazov", "phone": "%s",
                 "region": "Qoraqalpogʻiston Respublikasi", "district": "Nukus", "channel": "PORTAL"}"""
                .formatted(pinfl, phone)).post("/v1/key-applications")).jsonPath();
        String id = submitted.getString("id");

        // The SMS went straight to the gateway (the local adapter's file), not through Kafka.
        String code = lastSmsCode(api, phone);
        JsonPath verified = expect(200, api.as(org.kerege.devstack.Suite.Service.SIGNATURE, citizen)
                .body("{\"code\": \"" + code + "\"}").post("/v1/key-applications/" + id + "/verify-phone")).jsonPath();
        assertEquals("FEE_INVOICED", verified.getString("status"), verified.prettify());
        String paymentCode = verified.getString("fee.paymentCode");

        // The bank sees 1 % of the base amount less 10 % for the portal, and pays it.
        String bank = bank(api, "uzpsb");
        JsonPath seen = expect(200, api.as(PAYMENTS, bank).get("/v1/bank/invoices/" + paymentCode)).jsonPath();
        assertEquals("UZS", seen.getString("currency"));
        JsonPath full = expect(200, api.as(PAYMENTS, null).queryParam("applicantType", "INDIVIDUAL")
                .queryParam("channel", "SERVICE_CENTRE").get("/v1/fees/uz.e-key/quote")).jsonPath();
        assertEquals(Math.round(full.getLong("totalMinor") * 0.9), seen.getLong("amountMinor"),
                "the portal price is 10 % below the service-centre price");
        bankPays(api, bank, paymentCode, seen.getLong("amountMinor"), "UZS");
        Eventually.within(EVENTUALLY, () -> assertEquals("PAID", expect(200,
                api.as(org.kerege.devstack.Suite.Service.SIGNATURE, citizen).get("/v1/key-applications/" + id))
                .jsonPath().getString("status")));

        String officer = officer(api, "uz-tashkent-psc");
        expect(200, api.as(org.kerege.devstack.Suite.Service.SIGNATURE, officer)
                .body("{\"approved\": true, \"note\": \"photo and selfie with passport match\"}")
                .post("/v1/key-applications/" + id + "/identity-check"));

        // The key is made on the applicant's side; only the CSR travels.
        java.nio.file.Files.createDirectories(work);
        java.nio.file.Path key = work.resolve("holder.key");
        java.nio.file.Path csr = work.resolve("holder.csr");
        Tools.openssl(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-subj", "/CN=Berdaq Ajiniyazov", "-out", csr.toString());
        Response issued = api.as(org.kerege.devstack.Suite.Service.SIGNATURE, citizen).contentType("application/pkcs10")
                .accept("application/x-pem-file, application/problem+json").body(java.nio.file.Files.readAllBytes(csr)).post("/v1/key-applications/" + id + "/csr");
        expect(201, issued);
        java.nio.file.Path leaf = work.resolve("holder.pem");
        java.nio.file.Files.writeString(leaf, firstPem(issued.asString()));
        String subject = Tools.openssl(work, "x509", "-in", leaf.toString(), "-noout", "-subject", "-serial",
                "-nameopt", "oid");
        assertTrue(subject.contains("1.2.860.3.16.1.2") && subject.contains(pinfl), "PINFL in the subject: " + subject);
        String serial = subject.replaceAll("(?s).*serial=([0-9A-F]+).*", "$1").replaceFirst("^0+", "");

        expect(200, api.as(org.kerege.devstack.Suite.Service.SIGNATURE, officer).body("{\"reason\": \"KEY_COMPROMISE\"}")
                .post("/v1/certificates/" + serial + "/revoke"));

        String chain = expect(200, api.as(org.kerege.devstack.Suite.Service.SIGNATURE, null).accept("application/x-pem-file, */*")
                .get("/v1/ca/chain")).asString();
        java.nio.file.Path chainFile = work.resolve("chain.pem");
        java.nio.file.Files.writeString(chainFile, chain);
        java.nio.file.Path issuing = work.resolve("issuing.pem");
        java.nio.file.Files.writeString(issuing, firstPem(chain));
        String ocsp = Tools.openssl(work, "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                "-url", api.url(org.kerege.devstack.Suite.Service.SIGNATURE) + "/v1/ocsp", "-CAfile", chainFile.toString());
        assertTrue(ocsp.contains("Response verify OK"), ocsp);
        assertTrue(ocsp.contains(leaf + ": revoked"), ocsp);
    }

    /** The 6-digit code of the last SMS to a phone, from the local gateway's file in the suite's data. */
    static String lastSmsCode(SuiteApi api, String phone) throws Exception {
        java.nio.file.Path outbox = api.suite().dataDir().resolve("signature/sms-outbox.txt");
        java.util.concurrent.atomic.AtomicReference<String> code = new java.util.concurrent.atomic.AtomicReference<>();
        Eventually.within(Duration.ofSeconds(20), () -> {
            List<String> lines = java.nio.file.Files.readAllLines(outbox);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(" to " + phone + ":")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b")
                            .matcher(lines.get(i).substring(lines.get(i).indexOf(':', lines.get(i).indexOf(" to "))));
                    assertTrue(m.find(), lines.get(i));
                    code.set(m.group(1));
                    return;
                }
            }
            throw new AssertionError("no SMS to " + phone + " in " + outbox);
        });
        return code.get();
    }

    static String firstPem(String pems) {
        int end = pems.indexOf("-----END CERTIFICATE-----");
        return pems.substring(pems.indexOf("-----BEGIN CERTIFICATE-----"), end + "-----END CERTIFICATE-----".length()) + "\n";
    }

    /**
     * 3. Kazakh refugee petition, on a Friday when the standard was in force (the suite's clock stands in
     * June 2013): walk-in only → talon → deferral with the 2-working-day notice → grant → certificate
     * within 5 working days. Free: the fee is zero and no invoice is payable.
     *
     * @param friday the suite's local date in Almaty, a Friday
     */
    static void kazakhRefugeePetition(SuiteApi api, LocalDate friday) {
        assertEquals(java.time.DayOfWeek.FRIDAY, friday.getDayOfWeek());
        String office = "kz-mp-almaty";
        String officer = officer(api, office);

        expect(200, api.as(REQUIREMENTS, null).header("Accept-Language", "kk").body("{}")
                .post("/v1/services/kz.refugee.grant/checklist"));

        // No online booking: a clear problem, not an empty list.
        Response slots = api.as(APPOINTMENTS, null).queryParam("service", "kz.refugee.grant")
                .get("/v1/offices/" + office + "/slots");
        assertEquals(422, slots.statusCode(), slots.asString());
        assertEquals("urn:kerege:problem:online-booking-not-offered", slots.jsonPath().getString("type"));

        // In order of arrival: a ticket, called at a counter that takes the petition.
        JsonPath ticket = expect(201, api.asIdempotent(APPOINTMENTS, api.token("service", "kiosk-" + office, Map.of()))
                .body("{\"serviceCode\": \"kz.refugee.grant\", \"priority\": false}")
                .post("/v1/offices/" + office + "/tickets")).jsonPath();
        String counter = expect(200, api.as(APPOINTMENTS, null).get("/v1/offices/" + office)).jsonPath()
                .getString("counters.find { it.services.contains('kz.refugee.grant') }.code");
        String calledId = null;
        for (int i = 0; i < 50 && !ticket.getString("id").equals(calledId); i++) {
            Response called = api.as(APPOINTMENTS, officer).post("/v1/offices/" + office + "/counters/" + counter + "/call-next");
            assertEquals(200, called.statusCode(), called.asString());
            calledId = called.jsonPath().getString("id");
            expect(200, api.as(APPOINTMENTS, officer).post("/v1/tickets/" + calledId + "/served"));
        }

        JsonPath talon = expect(201, api.as(STATUS, officer).body("""
                {"serviceCode": "kz.refugee.grant",
                 "applicant": {"id": "%s", "name": "Amina Yusufi", "language": "kk"},
                 "documents": ["Petition (annex 2 form)", "Identity document of the asylum seeker"],
                 "delivery": {"choice": "PICK_UP"}}""".formatted("AS" + personalNumber('9').substring(0, 10)))
                .post("/v1/applications")).jsonPath();
        String number = talon.getString("number");
        String accessCode = talon.getString("accessCode");
        assertEquals("REGISTERED", talon.getString("state"));
        assertEquals(friday.toString(), talon.getString("acceptedAt").substring(0, 10));
        assertEquals(friday.plusMonths(3).toString().substring(0, 7),
                talon.getString("dueDates.find { it.clock == 'decision' }.dueDate").substring(0, 7),
                "decision within 3 months of registration");

        transition(api, officer, number, "{\"event\": \"review-started\"}");
        Response tooSoon = api.as(STATUS, officer).body("{\"event\": \"deferred\", \"newDecisionDate\": \""
                + friday.plusMonths(6) + "\"}").post("/v1/applications/" + number + "/transitions");
        assertTrue(tooSoon.statusCode() == 422 || tooSoon.statusCode() == 400, "a deferral is at least a year: " + tooSoon.asString());
        transition(api, officer, number, "{\"event\": \"deferred\", \"newDecisionDate\": \"" + friday.plusYears(1).plusDays(3) + "\"}");
        JsonPath deferred = publicStatusIn(api, number, accessCode, "DEFERRED");
        assertEquals(friday.plusDays(4).toString(), deferred.getString("dueDates.find { it.clock == 'deferral-notice' }.dueDate"),
                "a Friday deferral is notified in writing by Tuesday");
        transition(api, officer, number, "{\"event\": \"deferral-notified\"}");
        transition(api, officer, number, "{\"event\": \"granted\"}");
        JsonPath granted = publicStatusIn(api, number, accessCode, "GRANTED");
        assertEquals(friday.plusDays(7).toString(), granted.getString("dueDates.find { it.clock == 'hand-over' }.dueDate"),
                "the certificate within 5 working days of the decision");
        transition(api, officer, number, "{\"event\": \"issued\"}");
        awaitState(api, number, accessCode, "ISSUED");
    }
}
