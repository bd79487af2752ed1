package org.kerege.payments.fee.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A line amount that is a percentage of a dated statutory base amount, the percentage chosen by an
 * ENUM option (e.g. 1 % for {@code INDIVIDUAL}, 7 % for {@code LEGAL_ENTITY} of the Uzbek BHM).
 *
 * @param baseAmount   code of the base amount (reference data with effective dates), e.g. {@code uz.bhm}
 * @param rateOption   the ENUM option that selects the rate
 * @param ratesPercent option code → percentage, e.g. {@code "7"}
 */
public record PercentOfBase(String baseAmount, String rateOption, Map<String, BigDecimal> ratesPercent) {

    public PercentOfBase {
        ratesPercent = ratesPercent == null ? Map.of() : Map.copyOf(ratesPercent);
    }
}
