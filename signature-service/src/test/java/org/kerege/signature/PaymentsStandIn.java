package org.kerege.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tiny stand-in for payments-service's {@code POST /v1/invoices} (the real call is covered by the
 * journeys). It answers 201 only to the request shape payments-service accepts for fee {@code uz.e-key}
 * (InvoiceResource / fees/schedules.json): a service bearer token, an Idempotency-Key, feeCode, options
 * applicantType and channel with allowed values, applicationRef; otherwise 400. The invoice id is
 * derived from the applicationRef so tests can predict it.
 */
public class PaymentsStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-service-token-for-payments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    /** The invoice id the stand-in gives an application. */
    public static UUID invoiceIdOf(String applicationRef) {
        return UUID.nameUUIDFromBytes(("invoice-" + applicationRef).getBytes(StandardCharsets.UTF_8));
    }

    /** Amounts as payments-service would price them on a BHM of 375 000 UZS (1 %, 7 %, 10 % off on PORTAL). */
    public static long amount(String type, String channel) {
        long base = "LEGAL_ENTITY".equals(type) ? 2_625_000_00L / 100 : 375_000_00L / 100;
        return "PORTAL".equals(channel) ? base * 9 / 10 : base;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/invoices", this::invoice);
        server.start();
        return Map.of("kerege.signature.payments-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "kerege.signature.payments-token", TOKEN);
    }

    private void invoice(HttpExchange ex) throws IOException {
        try (ex) {
            String error = null;
            JsonNode body = null;
            try {
                body = JSON.readTree(ex.getRequestBody().readAllBytes());
            } catch (IOException e) {
                error = "not JSON";
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                error = "method";
            } else if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                error = "token";
            } else if (ex.getRequestHeaders().getFirst("Idempotency-Key") == null) {
                error = "Idempotency-Key";
            } else if (body == null || !"uz.e-key".equals(body.path("feeCode").asText())) {
                error = "feeCode";
            } else if (!Set.of("INDIVIDUAL", "LEGAL_ENTITY").contains(body.path("options").path("applicantType").asText())) {
                error = "options.applicantType";
            } else if (!Set.of("SERVICE_CENTRE", "PORTAL", "E_IMZO").contains(body.path("options").path("channel").asText())) {
                error = "options.channel";
            } else if (!body.path("applicationRef").asText().matches("[\\p{L}\\p{N}._:/-]{1,64}")) {
                error = "applicationRef";
            }
            byte[] out;
            if (error != null) {
                out = ("{\"type\":\"urn:kerege:problem:validation-failed\",\"status\":400,\"detail\":\"" + error + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/problem+json");
                ex.sendResponseHeaders(400, out.length);
            } else {
                String ref = body.path("applicationRef").asText();
                out = JSON.writeValueAsBytes(Map.of("id", invoiceIdOf(ref).toString(), "paymentCode", "7KQ4M9XR3",
                        "status", "ISSUED", "feeCode", "uz.e-key",
                        "totalMinor", amount(body.path("options").path("applicantType").asText(),
                                body.path("options").path("channel").asText()),
                        "currency", "UZS", "applicationRef", ref));
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(201, out.length);
            }
            ex.getResponseBody().write(out);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
