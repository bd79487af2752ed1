package org.kerege.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a service's quarkus-run.jar in {@link SuiteTest}: serves {@code /q/health/ready} (200 when
 * the suite gave it every expected environment variable) and {@code /env} (those variables as JSON).
 */
public final class FakeService {

    static final List<String> EXPECTED = List.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
    /** Given to some services only (shown by {@code /env}, null when absent). */
    static final List<String> OPTIONAL = List.of("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            boolean complete = EXPECTED.stream().allMatch(name -> System.getenv(name) != null);
            respond(exchange, complete ? 200 : 503, complete ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        server.createContext("/env", exchange -> {
            Map<String, Object> env = new TreeMap<>();
            EXPECTED.forEach(name -> env.put(name, System.getenv(name)));
            OPTIONAL.forEach(name -> env.put(name, System.getenv(name)));
            respond(exchange, 200, DevTokens.toJson(env));
        });
        server.start();
        System.out.println("fake service listening on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
