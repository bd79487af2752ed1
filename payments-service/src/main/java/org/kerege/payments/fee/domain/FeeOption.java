package org.kerege.payments.fee.domain;

import java.util.List;
import java.util.Map;

/**
 * A parameter of a fee, given as a query parameter of a quote or in an invoice's {@code options}.
 *
 * @param name         the option's name, e.g. {@code years}
 * @param type         the kind of value
 * @param required     whether it must be given (an option with a default never is)
 * @param defaultValue the value when it is not given, or null
 * @param min          smallest allowed value of an INTEGER option
 * @param max          largest allowed value of an INTEGER option
 * @param values       the codes an ENUM option allows
 * @param valueAliases other spellings of ENUM codes (e.g. the catalog's fact values {@code legal-entity},
 *                     {@code my.gov.uz}) → code
 * @param aliases      other names of the option (e.g. the catalog's fact {@code extensionYears})
 * @param description  what the option means, in English
 */
public record FeeOption(String name, OptionType type, boolean required, String defaultValue, Integer min,
                        Integer max, List<String> values, Map<String, String> valueAliases, List<String> aliases,
                        String description) {

    public FeeOption {
        values = values == null ? List.of() : List.copyOf(values);
        valueAliases = valueAliases == null ? Map.of() : Map.copyOf(valueAliases);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** True when {@code key} is this option's name or one of its aliases. */
    public boolean answersTo(String key) {
        return name.equals(key) || aliases.contains(key);
    }

    /**
     * The canonical value of a raw text: an {@link Integer}, a {@link Boolean} or an ENUM code.
     *
     * @throws IllegalArgumentException with a message fit for the caller when the text is not allowed
     */
    public Object parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        return switch (type) {
            case INTEGER -> {
                if (!text.matches("[+-]?\\d{1,9}")) {
                    throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
                }
                int value = Integer.parseInt(text);
                if ((min != null && value < min) || (max != null && value > max)) {
                    throw new IllegalArgumentException("must be from " + min + " to " + max + ", was " + value);
                }
                yield value;
            }
            case BOOLEAN -> {
                if (text.equalsIgnoreCase("true")) {
                    yield Boolean.TRUE;
                }
                if (text.equalsIgnoreCase("false")) {
                    yield Boolean.FALSE;
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case ENUM -> {
                for (String v : values) {
                    if (v.equalsIgnoreCase(text)) {
                        yield v;
                    }
                }
                for (Map.Entry<String, String> alias : valueAliases.entrySet()) {
                    if (alias.getKey().equalsIgnoreCase(text)) {
                        yield alias.getValue();
                    }
                }
                throw new IllegalArgumentException("must be one of " + String.join(", ", values));
            }
        };
    }
}
