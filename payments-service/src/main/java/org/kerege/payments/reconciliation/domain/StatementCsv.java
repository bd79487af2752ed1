package org.kerege.payments.reconciliation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bank's daily statement as CSV: a header line {@code date,payment_code,amount,currency,account,bank_reference}
 * then one line per transfer; amounts in major units with the currency's decimals ({@code 6000.00}); comma
 * separated, no quoting needed (the fields never contain commas). All lines must have the statement's date.
 */
public final class StatementCsv {

    public static final String HEADER = "date,payment_code,amount,currency,account,bank_reference";
    public static final int MAX_LINES = 20_000;

    /** A parsed statement. */
    public record Statement(LocalDate date, List<Reconciler.Line> lines) {
    }

    /** Line-numbered problems of a statement that cannot be read. */
    public static class InvalidStatementException extends RuntimeException {
        private final Map<String, String> errors;

        public InvalidStatementException(Map<String, String> errors) {
            super("The statement has " + errors.size() + " problem(s)");
            this.errors = errors;
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private StatementCsv() {
    }

    public static Statement parse(String csv) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (csv == null || csv.isBlank()) {
            throw new InvalidStatementException(Map.of("body", "empty statement"));
        }
        String[] rows = csv.replace("\r\n", "\n").split("\n");
        if (!rows[0].strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
            throw new InvalidStatementException(Map.of("line 1", "header must be " + HEADER));
        }
        if (rows.length - 1 > MAX_LINES) {
            throw new InvalidStatementException(Map.of("body", "at most " + MAX_LINES + " lines"));
        }
        LocalDate date = null;
        List<Reconciler.Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.length && errors.size() < 50; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String at = "line " + (i + 1);
            String[] f = row.split(",", -1);
            if (f.length != 6) {
                errors.put(at, "6 fields expected, found " + f.length);
                continue;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(f[0].strip());
            } catch (DateTimeParseException e) {
                errors.put(at, "date must be an ISO date");
                continue;
            }
            if (date == null) {
                date = d;
            } else if (!date.equals(d)) {
                errors.put(at, "every line must have the statement date " + date);
                continue;
            }
            String code = f[1].strip().toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[0-9A-Z]{1,32}")) {
                errors.put(at, "payment_code must be letters and digits");
                continue;
            }
            Currency currency;
            try {
                currency = Currency.getInstance(f[3].strip());
                if (currency.getDefaultFractionDigits() < 0 || !f[3].strip().matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                errors.put(at, "currency must be an ISO 4217 code");
                continue;
            }
            long minor;
            try {
                String text = f[2].strip();
                BigDecimal amount = new BigDecimal(text);
                if (!text.matches("[0-9]+(\\.[0-9]+)?") || amount.scale() > currency.getDefaultFractionDigits()
                        || amount.signum() <= 0) {
                    throw new NumberFormatException();
                }
                minor = amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors.put(at, "amount must be a positive decimal with at most " + currency.getDefaultFractionDigits()
                        + " decimals");
                continue;
            }
            String account = f[4].strip();
            String ref = f[5].strip();
            if (account.isEmpty() || account.length() > 64 || ref.length() > 64) {
                errors.put(at, "account is required; account and bank_reference at most 64 characters");
                continue;
            }
            lines.add(new Reconciler.Line(code, account, minor, currency.getCurrencyCode(), ref.isEmpty() ? null : ref));
        }
        if (date == null && errors.isEmpty()) {
            errors.put("body", "no lines");
        }
        if (!errors.isEmpty()) {
            throw new InvalidStatementException(errors);
        }
        return new Statement(date, lines);
    }
}
