package org.kerege.payments.rate.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /v1/rates/{date}}: one day's official rates of one source.
 *
 * @param source e.g. {@code CBR}
 * @param base   the currency the rates are quoted in, e.g. {@code RUB}
 * @param rates  the rates
 */
@Schema(name = "RateImport")
public record RateImport(
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,15}", message = "2-16 capitals, e.g. CBR")
        @Schema(example = "CBR") String source,
        @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        @Schema(example = "RUB") String base,
        @NotEmpty(message = "at least one rate") @Size(max = 200, message = "at most 200 rates")
        List<@Valid @NotNull(message = "a rate is required") Rate> rates) {

    /** nominal units of currency cost value units of base. */
    @Schema(name = "RateImportLine")
    public record Rate(
            @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            @Schema(example = "USD") String currency,
            @NotNull(message = "is required") @Positive(message = "must be positive") @Schema(example = "1") Integer nominal,
            @NotNull(message = "is required")
            @Pattern(regexp = "[0-9]{1,12}(\\.[0-9]{1,8})?", message = "a decimal with at most 8 decimals, e.g. 92.5000")
            @Schema(example = "92.5000") String value) {
    }
}
