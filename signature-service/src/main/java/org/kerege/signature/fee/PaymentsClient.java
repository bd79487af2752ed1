package org.kerege.signature.fee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.kerege.signature.SignatureConfig;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Channel;

/**
 * Asks payments-service for the fee invoice of a key application: {@code POST {payments}/v1/invoices}
 * with fee code {@value #FEE_CODE}, options applicantType and channel, applicationRef = the key
 * application id, and an Idempotency-Key derived from the application, so a retry never issues a
 * second invoice.
 */
@ApplicationScoped
public class PaymentsClient {

    public static final String FEE_CODE = "uz.e-key";

    /** The invoice payments-service issued. */
    public record Invoice(UUID id, String paymentCode, long totalMinor, String currency) {
    }

    /** payments-service did not issue the invoice. */
    public static class PaymentsUnavailableException extends RuntimeException {
        public PaymentsUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    private final SignatureConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public PaymentsClient(SignatureConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.paymentsTimeout()).build();
    }

    public Invoice createInvoice(UUID applicationId, ApplicantType type, Channel channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feeCode", FEE_CODE);
        body.put("options", Map.of("applicantType", type.name(), "channel", channel.name()));
        body.put("applicationRef", applicationId.toString());
        try {
            String base = config.paymentsUrl().endsWith("/") ? config.paymentsUrl() : config.paymentsUrl() + "/";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "v1/invoices"))
                    .timeout(config.paymentsTimeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", "signature-fee-" + applicationId)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            String token = token();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                throw new PaymentsUnavailableException("payments-service answered " + r.statusCode());
            }
            JsonNode invoice = json.readTree(r.body());
            return new Invoice(UUID.fromString(invoice.path("id").asText()), invoice.path("paymentCode").asText(),
                    invoice.path("totalMinor").asLong(), invoice.path("currency").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new PaymentsUnavailableException("payments-service cannot be reached or answered nonsense: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentsUnavailableException("interrupted");
        }
    }

    private String token() throws IOException {
        if (config.paymentsToken().isPresent()) {
            return config.paymentsToken().get();
        }
        if (config.paymentsTokenFile().isPresent()) {
            return Files.readString(config.paymentsTokenFile().get(), StandardCharsets.UTF_8).strip();
        }
        return null;
    }
}
