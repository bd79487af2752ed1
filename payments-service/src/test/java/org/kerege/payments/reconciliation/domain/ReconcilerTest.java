package org.kerege.payments.reconciliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerege.payments.reconciliation.domain.Reconciler.Kind;
import org.kerege.payments.reconciliation.domain.Reconciler.Line;
import org.kerege.payments.reconciliation.domain.Reconciler.Mismatch;

class ReconcilerTest {

    static Line l(String code, String account, long minor) {
        return new Line(code, account, minor, "MNT", "REF");
    }

    @Test
    void identical_sides_have_no_mismatch() {
        List<Line> ours = List.of(l("AAA", "1401001101", 600000), l("AAA", "1401002649", 250000));
        assertEquals(List.of(), Reconciler.match(List.of(ours.get(1), ours.get(0)), ours));
    }

    @Test
    void every_kind_of_difference_is_listed() {
        List<Line> ours = List.of(l("AAA", "1401001101", 600000), l("AAA", "1401002649", 250000), l("BBB", "1401001093", 1880000));
        List<Line> statement = List.of(l("AAA", "1401001101", 600000), l("AAA", "9999", 250000), l("CCC", "1401001101", 100));
        List<Mismatch> m = Reconciler.match(statement, ours);
        assertEquals(List.of(
                new Mismatch(Kind.MISSING_FROM_STATEMENT, "AAA", "1401002649", null, 250000L, "MNT", "REF"),
                new Mismatch(Kind.ACCOUNT_DIFFERS, "AAA", "9999", 250000L, null, "MNT", "REF"),
                new Mismatch(Kind.MISSING_FROM_STATEMENT, "BBB", "1401001093", null, 1880000L, "MNT", "REF"),
                new Mismatch(Kind.NOT_OURS, "CCC", "1401001101", 100L, null, "MNT", "REF")), m);
    }

    @Test
    void a_different_amount_or_currency_is_amount_differs() {
        List<Mismatch> m = Reconciler.match(List.of(l("AAA", "1", 500), new Line("BBB", "1", 700, "KGS", null)),
                List.of(l("AAA", "1", 600), l("BBB", "1", 700)));
        assertEquals(Kind.AMOUNT_DIFFERS, m.get(0).kind());
        assertEquals(500L, m.get(0).statementAmountMinor());
        assertEquals(600L, m.get(0).ourAmountMinor());
        assertEquals(Kind.AMOUNT_DIFFERS, m.get(1).kind());
        assertEquals("KGS≠MNT", m.get(1).currency());
    }

    @Test
    void the_csv_is_read_in_major_units_with_line_numbered_errors() {
        StatementCsv.Statement s = StatementCsv.parse("""
                date,payment_code,amount,currency,account,bank_reference
                2026-11-21,7kq4m9xrk,6000.00,MNT,1401001101,G-1
                2026-11-21,7KQ4M9XRK,2500,MNT,1401002649,
                """);
        assertEquals(LocalDate.of(2026, 11, 21), s.date());
        assertEquals(List.of(new Line("7KQ4M9XRK", "1401001101", 600000, "MNT", "G-1"),
                new Line("7KQ4M9XRK", "1401002649", 250000, "MNT", null)), s.lines());
        var e = assertThrows(StatementCsv.InvalidStatementException.class, () -> StatementCsv.parse("""
                date,payment_code,amount,currency,account,bank_reference
                2026-11-21,AAA,60.001,MNT,1,x
                2026-11-22,AAA,1.00,MNT,1,x
                2026-11-21,AAA,1.00,XXX,1,x
                2026-11-21,AAA,1.00
                """));
        assertTrue(e.errors().keySet().containsAll(List.of("line 2", "line 3", "line 4", "line 5")), e.errors().toString());
        assertThrows(StatementCsv.InvalidStatementException.class, () -> StatementCsv.parse("a,b\n1,2"));
        assertThrows(StatementCsv.InvalidStatementException.class, () -> StatementCsv.parse(""));
    }
}
