package org.kerege.requirements.catalog.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as known to the JDK. */
public final class Countries {

    private static final Set<String> ISO_ALPHA_2 = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** True for an assigned upper-case alpha-2 code such as {@code KG}; false for {@code kg}, {@code XX}. */
    public static boolean isIsoAlpha2(String code) {
        return code != null && code.matches("[A-Z]{2}") && ISO_ALPHA_2.contains(code);
    }
}
