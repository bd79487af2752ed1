package org.kerege.signature.application.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The password the applicant chose for the .pfx, and the key type. The password is used once to
 * encrypt the file and then wiped; it is never stored or logged ({@link #toString()} hides it).
 */
@Schema(name = "PfxRequest")
public record PfxRequest(
        @NotNull(message = "is required") @Size(min = 8, max = 128, message = "must have 8 to 128 characters")
        @Schema(description = "Protects the .pfx; 8-128 characters", example = "correct horse battery") String password,
        @Pattern(regexp = "RSA_2048|EC_P256", message = "must be RSA_2048 or EC_P256")
        @Schema(enumeration = {"RSA_2048", "EC_P256"}, defaultValue = "RSA_2048", example = "RSA_2048") String keyAlgorithm) {

    @Override
    public String toString() {
        return "PfxRequest[password=******, " + keyAlgorithm + "]";
    }
}
