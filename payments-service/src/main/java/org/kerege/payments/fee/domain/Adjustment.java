package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A percentage added to (or, negative, taken off) every line of a schedule when the options match,
 * e.g. −10 % when an Uzbek e-key is applied for through the portal (my.gov.uz).
 *
 * @param id          stable id, e.g. {@code portal-discount}
 * @param description in English
 * @param when        option → value that must all match
 * @param percent     e.g. {@code -10}
 */
public record Adjustment(String id, String description, Map<String, String> when, BigDecimal percent) {

    public Adjustment {
        when = when == null ? Map.of() : Map.copyOf(when);
    }
}
