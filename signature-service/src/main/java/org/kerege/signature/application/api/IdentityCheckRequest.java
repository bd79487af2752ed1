package org.kerege.signature.application.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer's decision on the applicant's identity (document at the centre, or photo and selfie with passport online). */
@Schema(name = "IdentityCheckRequest")
public record IdentityCheckRequest(
        @NotNull(message = "is required") @Schema(example = "true") Boolean approved,
        @Size(max = 500, message = "at most 500 characters")
        @Schema(example = "ID card checked at the counter") String note) {
}
