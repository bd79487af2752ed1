package org.kerege.requirements.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written recursive-descent parser of the catalog's condition language. It only builds an
 * {@link Expr} tree; nothing in a condition is ever executed as code.
 *
 * <pre>
 * condition  := or EOF
 * or         := and ( "||" and )*
 * and        := unary ( "&amp;&amp;" unary )*
 * unary      := "!" unary | primary
 * primary    := "(" or ")" | "true" | "false" | FACT [ compare | membership ]
 * compare    := ( "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) literal
 * membership := "in" ( "[" literal ( "," literal )* "]" | "@" LIST-NAME )
 * literal    := NUMBER | STRING | WORD | "true" | "false"
 * </pre>
 *
 * Precedence, tightest first: comparison, {@code !}, {@code &&}, {@code ||}. {@code !} applies to the
 * whole comparison after it: {@code !citizenship in [KZ]} means {@code !(citizenship in [KZ])}.
 * FACT is a camelCase name ({@code [A-Za-z][A-Za-z0-9]*}); WORD is a bare value such as {@code KZ},
 * {@code former-citizen} or {@code my.gov.uz}; STRING is double-quoted with {@code \"} and {@code \\}
 * escapes; NUMBER is an optionally negative integer. A bare FACT is a test of a boolean fact.
 */
public final class ConditionParser {

    private enum Kind { WORD, NUMBER, STRING, AT_NAME, OP, EOF }

    private record Token(Kind kind, String text, Object value, int position) {
    }

    private final String source;
    private final List<Token> tokens;
    private int index;

    private ConditionParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /** Parses a condition; throws {@link ConditionSyntaxException} with the position of the first error. */
    public static Expr parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ConditionSyntaxException(String.valueOf(source), 0, "empty condition");
        }
        ConditionParser parser = new ConditionParser(source);
        Expr expr = parser.parseOr();
        Token next = parser.peek();
        if (next.kind() != Kind.EOF) {
            throw parser.error(next, "unexpected '" + next.text() + "'");
        }
        return expr;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (acceptOp("||")) {
            left = new Expr.Or(left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseUnary();
        while (acceptOp("&&")) {
            left = new Expr.And(left, parseUnary());
        }
        return left;
    }

    private Expr parseUnary() {
        if (acceptOp("!")) {
            return new Expr.Not(parseUnary());
        }
        return parsePrimary();
    }

    private Expr parsePrimary() {
        Token token = next();
        if (token.kind() == Kind.OP && token.text().equals("(")) {
            Expr inner = parseOr();
            expectOp(")");
            return inner;
        }
        if (token.kind() != Kind.WORD) {
            throw error(token, token.kind() == Kind.EOF ? "unexpected end of condition, expected a fact name"
                    : "expected a fact name but found '" + token.text() + "'");
        }
        if (token.text().equals("true") || token.text().equals("false")) {
            return new Expr.Constant(Boolean.parseBoolean(token.text()));
        }
        if (!token.text().matches("[A-Za-z][A-Za-z0-9]*")) {
            throw error(token, "'" + token.text() + "' is not a fact name (letters and digits, camelCase)");
        }
        String fact = token.text();
        Token after = peek();
        if (after.kind() == Kind.OP && operator(after.text()) != null) {
            index++;
            return new Expr.Comparison(fact, operator(after.text()), parseLiteral());
        }
        if (after.kind() == Kind.WORD && after.text().equals("in")) {
            index++;
            return parseMembership(fact);
        }
        return new Expr.FactTest(fact);
    }

    private Expr parseMembership(String fact) {
        Token token = next();
        if (token.kind() == Kind.AT_NAME) {
            return new Expr.Membership(fact, List.of(), (String) token.value());
        }
        if (!(token.kind() == Kind.OP && token.text().equals("["))) {
            throw error(token, "expected '[' or '@list' after 'in'");
        }
        List<Expr.Literal> values = new ArrayList<>();
        values.add(parseLiteral());
        while (acceptOp(",")) {
            values.add(parseLiteral());
        }
        expectOp("]");
        return new Expr.Membership(fact, values, null);
    }

    private Expr.Literal parseLiteral() {
        Token token = next();
        return switch (token.kind()) {
            case NUMBER, STRING -> new Expr.Literal(token.value(), token.text());
            case WORD -> token.text().equals("true") || token.text().equals("false")
                    ? new Expr.Literal(Boolean.parseBoolean(token.text()), token.text())
                    : new Expr.Literal(token.text(), token.text());
            default -> throw error(token, token.kind() == Kind.EOF ? "unexpected end of condition, expected a value"
                    : "expected a value but found '" + token.text() + "'");
        };
    }

    private static Expr.Operator operator(String symbol) {
        for (Expr.Operator op : Expr.Operator.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    private boolean acceptOp(String op) {
        Token token = peek();
        if (token.kind() == Kind.OP && token.text().equals(op)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectOp(String op) {
        Token token = next();
        if (!(token.kind() == Kind.OP && token.text().equals(op))) {
            throw error(token, "expected '" + op + "' but found "
                    + (token.kind() == Kind.EOF ? "end of condition" : "'" + token.text() + "'"));
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.EOF) {
            index++;
        }
        return token;
    }

    private ConditionSyntaxException error(Token token, String reason) {
        return new ConditionSyntaxException(source, token.position(), reason);
    }

    // ---------------------------------------------------------------- lexer

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordStart(c)) {
                int start = i;
                while (i < s.length() && isWordPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), null, start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && isWordStart(s.charAt(i))) {
                    throw new ConditionSyntaxException(s, start, "malformed number");
                }
                String text = s.substring(start, i);
                try {
                    out.add(new Token(Kind.NUMBER, text, Long.parseLong(text), start));
                } catch (NumberFormatException e) {
                    throw new ConditionSyntaxException(s, start, "number out of range");
                }
            } else if (c == '"') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new ConditionSyntaxException(s, start, "unterminated string");
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\') {
                        if (i + 1 >= s.length() || (s.charAt(i + 1) != '"' && s.charAt(i + 1) != '\\')) {
                            throw new ConditionSyntaxException(s, i, "invalid escape (only \\\" and \\\\)");
                        }
                        d = s.charAt(i + 1);
                        i++;
                    }
                    value.append(d);
                    i++;
                }
                out.add(new Token(Kind.STRING, s.substring(start, i), value.toString(), start));
            } else if (c == '@') {
                int start = i;
                i++;
                while (i < s.length() && isWordPart(s.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw new ConditionSyntaxException(s, start, "expected a list name after '@'");
                }
                out.add(new Token(Kind.AT_NAME, s.substring(start, i), s.substring(start + 1, i), start));
            } else {
                int start = i;
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("&&") || two.equals("||") || two.equals("==") || two.equals("!=")
                        || two.equals("<=") || two.equals(">=")) {
                    out.add(new Token(Kind.OP, two, null, start));
                    i += 2;
                } else if ("()[],!<>".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OP, String.valueOf(c), null, start));
                    i++;
                } else if (c == '=') {
                    throw new ConditionSyntaxException(s, start, "'=' is not an operator, use '=='");
                } else if (c == '&' || c == '|') {
                    throw new ConditionSyntaxException(s, start, "'" + c + "' is not an operator, use '" + c + c + "'");
                } else {
                    throw new ConditionSyntaxException(s, start, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.EOF, "", null, s.length()));
        return out;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
