package org.kerege.requirements.catalog.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The photo a document line asks for. How many photos is the document's {@code count}.
 *
 * @param width         width in {@code unit}
 * @param height        height in {@code unit}
 * @param unit          MM, CM or INCH
 * @param background    e.g. {@code white}; null when the source does not say
 * @param colour        true when the source asks for a colour photo; null when it does not say
 * @param electronic    true when an electronic photo is asked for; null when the source does not say
 * @param maxAgeMonths  the photo must have been taken within this many months; null when not stated
 * @param standard      further requirements of the photo standard, item by item
 */
public record PhotoSpec(BigDecimal width, BigDecimal height, SizeUnit unit, String background, Boolean colour,
                        Boolean electronic, Integer maxAgeMonths, List<LocalizedText> standard) {

    public enum SizeUnit { MM, CM, INCH }

    public PhotoSpec {
        standard = standard == null ? List.of() : List.copyOf(standard);
    }
}
