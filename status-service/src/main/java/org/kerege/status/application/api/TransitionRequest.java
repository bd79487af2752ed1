package org.kerege.status.application.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/applications/{number}/transitions}.
 *
 * @param event           the workflow event, e.g. {@code review-started}, {@code deferred}, {@code refused}
 * @param reasons         for a refusal: the grounds (for a refugee petition, the codes of 003's nine grounds)
 * @param newDecisionDate for a deferral: the new decision date, at least one year after the deferral
 * @param note            free text for the history, optional
 */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "a workflow event such as review-started")
        @Schema(example = "deferred") String event,
        @Size(max = 9, message = "at most 9 reasons") @Schema(example = "[\"safe-third-country\"]")
        List<@NotBlank(message = "must not be blank") @Size(max = 200, message = "at most 200 characters") String> reasons,
        @Schema(example = "2027-12-01") LocalDate newDecisionDate,
        @Size(max = 500, message = "at most 500 characters") String note) {
}
