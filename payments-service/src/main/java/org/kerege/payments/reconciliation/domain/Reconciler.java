package org.kerege.payments.reconciliation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches a bank's daily statement against the payments we recorded for that bank and day. A line is one
 * transfer to one beneficiary account for one payment code (a split invoice is several lines). Lines are
 * matched on (payment code, account):
 * <ul>
 *   <li>{@code NOT_OURS}: the statement has a payment code we have no payment of that bank and day for;</li>
 *   <li>{@code ACCOUNT_DIFFERS}: the code is ours, but the statement credits an account the invoice does not;</li>
 *   <li>{@code AMOUNT_DIFFERS}: same code and account, another amount or currency;</li>
 *   <li>{@code MISSING_FROM_STATEMENT}: we recorded it, the statement does not have it.</li>
 * </ul>
 */
public final class Reconciler {

    public enum Kind { NOT_OURS, ACCOUNT_DIFFERS, AMOUNT_DIFFERS, MISSING_FROM_STATEMENT }

    /** A transfer: ours or the bank's. */
    public record Line(String paymentCode, String account, long amountMinor, String currency, String reference) {
    }

    /** One difference; the absent side's amount is null. */
    public record Mismatch(Kind kind, String paymentCode, String account, Long statementAmountMinor, Long ourAmountMinor,
                           String currency, String reference) {
    }

    private Reconciler() {
    }

    public static List<Mismatch> match(List<Line> statement, List<Line> ours) {
        Map<String, Line> ourByKey = new LinkedHashMap<>();
        for (Line l : ours) {
            ourByKey.merge(key(l), l, (a, b) -> new Line(a.paymentCode(), a.account(), a.amountMinor() + b.amountMinor(),
                    a.currency(), a.reference()));
        }
        Set<String> ourCodes = ours.stream().map(Line::paymentCode).collect(Collectors.toSet());
        Map<String, Line> statementByKey = new LinkedHashMap<>();
        for (Line l : statement) {
            statementByKey.merge(key(l), l, (a, b) -> new Line(a.paymentCode(), a.account(), a.amountMinor() + b.amountMinor(),
                    a.currency(), a.reference()));
        }
        List<Mismatch> out = new ArrayList<>();
        for (Line s : statementByKey.values()) {
            Line o = ourByKey.get(key(s));
            if (o == null) {
                out.add(new Mismatch(ourCodes.contains(s.paymentCode()) ? Kind.ACCOUNT_DIFFERS : Kind.NOT_OURS,
                        s.paymentCode(), s.account(), s.amountMinor(), null, s.currency(), s.reference()));
            } else if (o.amountMinor() != s.amountMinor() || !o.currency().equals(s.currency())) {
                out.add(new Mismatch(Kind.AMOUNT_DIFFERS, s.paymentCode(), s.account(), s.amountMinor(), o.amountMinor(),
                        o.currency().equals(s.currency()) ? o.currency() : s.currency() + "≠" + o.currency(), s.reference()));
            }
        }
        for (Line o : ourByKey.values()) {
            if (!statementByKey.containsKey(key(o))) {
                out.add(new Mismatch(Kind.MISSING_FROM_STATEMENT, o.paymentCode(), o.account(), null, o.amountMinor(),
                        o.currency(), o.reference()));
            }
        }
        out.sort(Comparator.comparing(Mismatch::paymentCode).thenComparing(Mismatch::account).thenComparing(Mismatch::kind));
        return out;
    }

    private static String key(Line l) {
        return l.paymentCode() + "|" + l.account();
    }
}
