package org.kerege.signature.application.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The SMS code the applicant typed. Never logged. */
@Schema(name = "CodeRequest")
public record CodeRequest(
        @NotNull(message = "is required") @Pattern(regexp = "[0-9]{4,8}", message = "must be 4 to 8 digits")
        @Schema(example = "482913") String code) {

    @Override
    public String toString() {
        return "CodeRequest[******]";
    }
}
