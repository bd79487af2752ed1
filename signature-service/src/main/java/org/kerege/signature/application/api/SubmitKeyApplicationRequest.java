package org.kerege.signature.application.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/key-applications}. {@link #toString()} holds no personal data. */
@Schema(name = "SubmitKeyApplicationRequest")
public record SubmitKeyApplicationRequest(
        @NotNull(message = "is required") @Pattern(regexp = "INDIVIDUAL|LEGAL_ENTITY", message = "must be INDIVIDUAL or LEGAL_ENTITY")
        @Schema(enumeration = {"INDIVIDUAL", "LEGAL_ENTITY"}, example = "INDIVIDUAL") String applicantType,
        @NotNull(message = "is required") @Pattern(regexp = "[0-9]{14}", message = "must be exactly 14 digits")
        @Schema(description = "PINFL (JShShIR) of the key holder: 14 digits", example = "31507760180032") String pinfl,
        @Pattern(regexp = "[0-9]{9}", message = "must be exactly 9 digits")
        @Schema(description = "TIN (STIR) of the legal entity: 9 digits; required for LEGAL_ENTITY, absent otherwise",
                example = "301234567") String tin,
        @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters")
        @Pattern(regexp = "[\\p{L}\\p{M} .'ʻʼ`-]+", message = "letters, spaces, apostrophes, dots and hyphens only")
        @Schema(description = "The holder's full name as in the passport", example = "Berdaq Ajiniyazov") String holderName,
        @Size(max = 200, message = "at most 200 characters")
        @Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .,'\"ʻʼ&()«»-]+", message = "contains characters not allowed in a name")
        @Schema(description = "The legal entity's name; required for LEGAL_ENTITY", example = "Nukus Textile LLC")
        String organisation,
        @NotBlank(message = "is required") @Size(max = 32, message = "at most 32 characters")
        @Schema(description = "Mobile number for the SMS code; +998… or a local Uzbek number", example = "+998901234567")
        String phone,
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
        @Schema(example = "Qoraqalpogʻiston Respublikasi") String region,
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
        @Schema(example = "Nukus") String district,
        @NotNull(message = "is required") @Pattern(regexp = "SERVICE_CENTRE|PORTAL|E_IMZO",
                message = "must be SERVICE_CENTRE, PORTAL or E_IMZO")
        @Schema(enumeration = {"SERVICE_CENTRE", "PORTAL", "E_IMZO"}, example = "SERVICE_CENTRE") String channel) {

    @Override
    public String toString() {
        return "SubmitKeyApplicationRequest[" + applicantType + ", " + channel + "]";
    }
}
