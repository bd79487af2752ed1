package org.kerege.payments.fee.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new dated value of a base amount (admin). */
@Schema(name = "NewBaseAmount")
public record NewBaseAmount(
        @NotNull(message = "is required") @Schema(example = "2031-01-01") LocalDate effectiveFrom,
        @NotNull(message = "is required") @Positive(message = "must be positive")
        @Schema(description = "Minor units of currency", example = "41200000") Long amountMinor,
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        @Schema(example = "UZS") String currency,
        @NotBlank(message = "is required") @Size(max = 500, message = "at most 500 characters")
        @Schema(example = "Presidential decree setting the BHM from 2031-01-01") String legalSource,
        @Schema(description = "True when the value is taken from the cited act; false for configuration", defaultValue = "true")
        Boolean fromSource) {
}
