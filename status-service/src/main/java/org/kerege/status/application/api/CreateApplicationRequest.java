package org.kerege.status.application.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.status.application.domain.Delivery;

/**
 * Body of {@code POST /v1/applications}: what the officer accepted from the applicant.
 *
 * @param serviceCode the catalog service code; its prefix is the office country
 * @param applicant   who applies
 * @param documents   the accepted documents, as listed on the talon
 * @param facts       the application's facts the clocks depend on, e.g. {@code {"procedure": "simplified"}}
 * @param delivery    pick-up or home delivery (000)
 * @param bookingId   the online booking the applicant came with, if any
 */
@Schema(name = "CreateApplicationRequest")
public record CreateApplicationRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
        @Pattern(regexp = "[a-z]{2}\\.[a-z0-9.-]+", message = "a catalog service code such as kz.refugee.grant")
        @Schema(example = "kz.refugee.grant") String serviceCode,
        @Valid @NotNull(message = "is required") Applicant applicant,
        @NotNull(message = "is required") @Size(max = 50, message = "at most 50 documents")
        @Schema(example = "[\"Petition (annex 2 form)\", \"Identity document of the asylum seeker\"]")
        List<@NotBlank(message = "must not be blank") @Size(max = 300, message = "at most 300 characters") String> documents,
        @Size(max = 10, message = "at most 10 facts") @Schema(example = "{}")
        Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9-]{0,39}", message = "a fact name") String,
                @NotBlank(message = "must not be blank") @Size(max = 100, message = "at most 100 characters") String> facts,
        @Valid @NotNull(message = "is required") DeliveryChoice delivery,
        @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only") String bookingId) {

    /**
     * @param id       the applicant's identifier (the subject of the applicant's citizen token, e.g. a PINFL)
     * @param language the language of the applicant's messages: ky, kk, mn, kaa, uz, ru, en
     * @param phone    E.164 phone for messages, optional
     */
    public record Applicant(
            @NotBlank(message = "is required") @Size(max = 64, message = "at most 64 characters")
            @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "letters, digits and . _ : / - only")
            @Schema(example = "12345678901234") String id,
            @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters")
            @Schema(example = "Aigerim Bekova") String name,
            @NotBlank(message = "is required") @Pattern(regexp = "ky|kk|mn|kaa|uz|ru|en", message = "one of ky, kk, mn, kaa, uz, ru, en")
            @Schema(example = "kk") String language,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "an E.164 number such as +77011234567")
            @Schema(example = "+77011234567") String phone) {
    }

    /**
     * @param choice  PICK_UP or HOME_DELIVERY
     * @param address the full delivery address (home delivery only)
     * @param phone   the contact phone for the courier (home delivery only)
     */
    public record DeliveryChoice(
            @NotNull(message = "is required") @Schema(example = "PICK_UP") Delivery choice,
            @Size(max = 300, message = "at most 300 characters") @Schema(example = "Bishkek, Chui avenue 120, apt. 5") String address,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "an E.164 number such as +996700123456")
            @Schema(example = "+996700123456") String phone) {
    }
}
