package org.kerege.payments.fee.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A broken fee file stops the service at start, naming every problem. */
class FeeScheduleValidatorTest {

    static String file(String schedules) {
        return """
                {"version": 1, "zones": {"MN": "Asia/Ulaanbaatar"},
                 "baseAmounts": [{"code": "uz.bhm", "currency": "UZS", "title": "BHM"}],
                 "schedules": [%s]}""".formatted(schedules);
    }

    static String schedule(String from, String to, String lines) {
        return """
                {"feeCode": "mn.test", "country": "MN", "title": "Test", "effectiveFrom": %s, "effectiveTo": %s,
                 "currency": "MNT", "free": false,
                 "legalSource": {"seed": "002", "act": "x", "amountsFromSource": true, "note": "n"},
                 "options": [{"name": "years", "type": "INTEGER", "required": true, "min": 1, "max": 5, "description": "d"}],
                 "lines": [%s]}""".formatted(from, to, lines);
    }

    static final String LINE = """
            {"id": "a", "description": "d", "account": "1", "beneficiary": "b", "amount": "2000", "multiplyBy": "years"}""";

    static FeeDataException refused(String json) {
        return assertThrows(FeeDataException.class, () -> FeeScheduleLoader.load(json));
    }

    static void mentions(FeeDataException e, String text) {
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(text)), () -> text + " not in " + e.problems());
    }

    @Test
    void a_valid_file_loads() {
        FeeScheduleLoader.load(file(schedule("\"2016-06-09\"", "null", LINE)));
    }

    @Test
    void amounts_finer_than_the_minor_unit_are_refused() {
        mentions(refused(file(schedule("null", "null", LINE.replace("\"2000\"", "\"2000.001\"")))), "minor units");
    }

    @Test
    void overlapping_periods_are_refused() {
        mentions(refused(file(schedule("\"2016-01-01\"", "\"2020-01-01\"", LINE) + ","
                + schedule("\"2019-01-01\"", "null", LINE))), "overlap");
    }

    @Test
    void lines_must_name_known_options_and_base_amounts() {
        mentions(refused(file(schedule("null", "null", LINE.replace("\"years\"", "\"months\"")))), "multiplyBy");
        mentions(refused(file(schedule("null", "null", """
                {"id": "a", "description": "d", "account": "1", "beneficiary": "b",
                 "percentOfBase": {"baseAmount": "uz.bhm", "rateOption": "years", "ratesPercent": {"X": "1"}}}"""))),
                "is in UZS");
    }

    @Test
    void unknown_fields_and_unknown_currencies_are_refused() {
        mentions(refused(file(schedule("null", "null", LINE.replace("\"amount\"", "\"amout\"")))), "unreadable");
        mentions(refused(file(schedule("null", "null", LINE).replace("\"MNT\"", "\"ZZZ\""))), "currency");
    }

    @Test
    void a_free_fee_has_no_lines() {
        mentions(refused(file(schedule("null", "null", LINE).replace("\"free\": false", "\"free\": true"))), "free");
    }
}
