package org.kerege.payments.rate.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.payments.rate.domain.ExchangeRate;

/** A stored official rate. */
@Schema(name = "ExchangeRate")
public record RateView(LocalDate date, @Schema(example = "CBR") String source, @Schema(example = "RUB") String base,
                       @Schema(example = "USD") String currency, @Schema(example = "1") int nominal,
                       @Schema(example = "92.5") String value) {

    public static RateView of(ExchangeRate r) {
        return new RateView(r.date(), r.source(), r.base(), r.currency(), r.nominal(), r.value().toPlainString());
    }
}
