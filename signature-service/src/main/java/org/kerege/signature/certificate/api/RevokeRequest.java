package org.kerege.signature.certificate.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a certificate is revoked; a holder adds the SMS code from {@code POST …/revocation-code}. */
@Schema(name = "RevokeRequest")
public record RevokeRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "UNSPECIFIED|KEY_COMPROMISE|AFFILIATION_CHANGED|CESSATION_OF_OPERATION",
                message = "must be UNSPECIFIED, KEY_COMPROMISE, AFFILIATION_CHANGED or CESSATION_OF_OPERATION")
        @Schema(enumeration = {"UNSPECIFIED", "KEY_COMPROMISE", "AFFILIATION_CHANGED", "CESSATION_OF_OPERATION"},
                example = "KEY_COMPROMISE") String reason,
        @Pattern(regexp = "[0-9]{4,8}", message = "must be 4 to 8 digits")
        @Schema(description = "The SMS code; required when the holder revokes", example = "482913") String code) {

    @Override
    public String toString() {
        return "RevokeRequest[" + reason + "]";
    }
}
