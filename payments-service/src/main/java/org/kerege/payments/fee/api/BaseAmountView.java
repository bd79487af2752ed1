package org.kerege.payments.fee.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.payments.fee.domain.BaseAmount;

/** One dated value of a base amount. */
@Schema(name = "BaseAmount")
public record BaseAmountView(@Schema(example = "uz.bhm") String code,
                             @Schema(example = "2024-10-01") LocalDate effectiveFrom,
                             @Schema(example = "37500000") long amountMinor,
                             @Schema(example = "375000.00") String amount,
                             @Schema(example = "UZS") String currency,
                             String legalSource,
                             @Schema(description = "False when the value is configuration still to be confirmed")
                             boolean fromSource) {

    public static BaseAmountView of(BaseAmount b) {
        return new BaseAmountView(b.code(), b.effectiveFrom(), b.amount().minor(), b.amount().format(),
                b.amount().currencyCode(), b.legalSource(), b.fromSource());
    }
}
