package org.kerege.payments.webhook.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/webhooks/{id}/rotate}.
 *
 * @param gracePeriod how long the old secret still signs (ISO 8601 duration, default PT24H, at most P7D)
 * @param secret      the new secret; omitted = generated
 */
@Schema(name = "RotateWebhookSecret")
public record RotateRequest(
        @Pattern(regexp = "PT?[0-9HMSD.]+", message = "an ISO 8601 duration such as PT24H") @Schema(example = "PT24H")
        String gracePeriod,
        @Size(min = 32, max = 128, message = "32 to 128 characters") @Pattern(regexp = "[\\x21-\\x7e]+", message = "visible ASCII only")
        String secret) {
}
