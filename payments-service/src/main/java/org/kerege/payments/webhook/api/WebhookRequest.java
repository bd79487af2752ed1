package org.kerege.payments.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/webhooks}.
 *
 * @param url    where deliveries are POSTed (https; http only to localhost)
 * @param events event names, e.g. {@code payment-received}
 * @param secret the signing secret (32-128 visible characters); omitted = generated and returned once
 */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotBlank(message = "is required") @Size(max = 500, message = "at most 500 characters")
        @Schema(example = "https://hooks.golomtbank.example/kerege") String url,
        @NotEmpty(message = "at least one event") @Size(max = 5, message = "at most 5 events")
        @Schema(example = "[\"payment-received\", \"payment-refunded\"]")
        List<@NotNull(message = "is required") String> events,
        @Size(min = 32, max = 128, message = "32 to 128 characters") @Pattern(regexp = "[\\x21-\\x7e]+", message = "visible ASCII only")
        String secret) {
}
