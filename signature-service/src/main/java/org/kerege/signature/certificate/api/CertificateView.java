package org.kerege.signature.certificate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.signature.certificate.persistence.CertificateStore;

/** A certificate and its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Certificate")
public record CertificateView(
        @Schema(example = "5A1F0C9E2B7D4E6F8A9B0C1D2E3F4051") String serial,
        @Schema(enumeration = {"VALID", "REVOKED", "EXPIRED"}) String status,
        UUID applicationId,
        @Schema(enumeration = {"INDIVIDUAL", "LEGAL_ENTITY"}) String holderType,
        @Schema(example = "**********0032") String maskedIdentifier,
        @Schema(example = "RSA_2048") String keyAlgorithm,
        Instant notBefore,
        Instant notAfter,
        Instant revokedAt,
        String revocationReason,
        String supersededBy,
        @Schema(description = "The certificate, PEM") String pem) {

    public static CertificateView of(CertificateStore.Row r, Instant now) {
        String status = r.revokedAt() != null ? "REVOKED" : r.notAfter().isAfter(now) ? "VALID" : "EXPIRED";
        return new CertificateView(r.serial(), status, r.applicationId(), r.holderType(), r.maskedIdentifier(),
                r.keyAlgorithm(), r.notBefore(), r.notAfter(), r.revokedAt(),
                r.reason() == null ? null : r.reason().name(), r.supersededBy(), r.pem());
    }
}
