package org.kerege.signature.application.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.signature.application.domain.KeyApplication;

/** A key application as the API shows it: identifiers and phone masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "KeyApplication")
public record KeyApplicationView(
        UUID id,
        @Schema(enumeration = {"SUBMITTED", "PHONE_VERIFIED", "FEE_INVOICED", "PAID", "IDENTITY_CHECKED", "ISSUED",
                "REJECTED"}) String status,
        @Schema(enumeration = {"INDIVIDUAL", "LEGAL_ENTITY"}) String applicantType,
        @Schema(enumeration = {"SERVICE_CENTRE", "PORTAL", "E_IMZO"}) String channel,
        @Schema(example = "**********0032") String pinfl,
        @Schema(example = "*****4567") String tin,
        @Schema(example = "Berdaq Ajiniyazov") String holderName,
        String organisation,
        @Schema(example = "*********4567") String phone,
        String region,
        String district,
        Instant submittedAt,
        Instant phoneVerifiedAt,
        Fee fee,
        Instant paidAt,
        String identityCheckedBy,
        Instant identityCheckedAt,
        @Schema(description = "Serial (hex) of the issued certificate", example = "5A1F0C9E2B7D4E6F8A9B0C1D2E3F4051")
        String certificateSerial,
        String renewalOf,
        Instant issuedAt) {

    /** The fee invoice payments-service issued. */
    @Schema(name = "KeyApplicationFee")
    public record Fee(UUID invoiceId, @Schema(example = "7KQ4M9XR3") String paymentCode,
                      @Schema(example = "3750000") Long totalMinor, @Schema(example = "UZS") String currency) {
    }

    public static KeyApplicationView of(KeyApplication a) {
        return new KeyApplicationView(a.id, a.status.name(), a.applicantType.name(), a.channel.name(), a.pinfl.masked(),
                a.tin == null ? null : a.tin.masked(), a.holderName, a.organisation, a.phone.masked(), a.region,
                a.district, a.submittedAt, a.phoneVerifiedAt,
                a.invoiceId == null ? null : new Fee(a.invoiceId, a.paymentCode, a.feeTotalMinor, a.feeCurrency),
                a.paidAt, a.identityCheckedBy, a.identityCheckedAt, a.certificateSerial, a.renewalOf, a.issuedAt);
    }
}
