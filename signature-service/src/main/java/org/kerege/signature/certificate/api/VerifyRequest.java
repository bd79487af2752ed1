package org.kerege.signature.certificate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CMS/PKCS#7 signature to verify, with its data when detached. */
@Schema(name = "VerifyRequest")
public record VerifyRequest(
        @NotBlank(message = "is required") @Size(max = 14_000_000, message = "at most 10 MB")
        @Schema(description = "The CMS SignedData, base64 (DER) or PEM", example = "MIAGCSqGSIb3DQEHAqCAMIACAQExDTALBglghkgBZQMEAgEwgAYJKoZIhvcNAQcBoIAkgAQF...")
        String signature,
        @Size(max = 14_000_000, message = "at most 10 MB")
        @Schema(description = "The signed data, base64, when the signature is detached", example = "aGVsbG8=")
        String data,
        @Schema(description = "Check revocation (default true). When false the answer says revocation was not checked.",
                defaultValue = "true") Boolean checkRevocation) {
}
