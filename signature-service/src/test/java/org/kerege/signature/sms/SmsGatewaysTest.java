package org.kerege.signature.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsGatewaysTest {

    @Test
    void the_http_adapter_posts_number_and_text_with_its_token() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", ex -> {
            body.set(new String(ex.getRequestBody().readAllBytes()));
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.start();
        try {
            new HttpSmsGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send"),
                    Optional.of("gw-token"), Duration.ofSeconds(5)).send("+998901234567", "code 123456");
            JsonNode json = new ObjectMapper().readTree(body.get());
            assertEquals("+998901234567", json.path("to").asText());
            assertEquals("code 123456", json.path("text").asText());
            assertEquals("Bearer gw-token", auth.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_refusal_fails_without_repeating_the_text() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", ex -> {
            calls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        try {
            SmsGateway.SmsFailedException e = assertThrows(SmsGateway.SmsFailedException.class, () ->
                    new HttpSmsGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send"),
                            Optional.empty(), Duration.ofSeconds(5)).send("+998901234567", "code 654321"));
            assertFalse(e.getMessage().contains("654321"));
            assertEquals(1, calls.get());
        } finally {
            server.stop(0);
        }
        assertThrows(SmsGateway.SmsFailedException.class, () -> new HttpSmsGateway(URI.create("http://127.0.0.1:1/send"),
                Optional.empty(), Duration.ofSeconds(2)).send("+998901234567", "code 1"));
    }

    @Test
    void the_local_adapter_writes_a_file_a_developer_can_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signature/sms-outbox.txt");
        LocalSmsGateway local = new LocalSmsGateway(file, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        local.send("+998901234567", "Kerege: your code is 123456");
        String text = Files.readString(file);
        assertTrue(text.contains("2026-11-21T10:00:00Z to +998901234567: Kerege: your code is 123456"), text);
        assertEquals("Kerege: your code is 123456", local.lastTo("+998901234567").orElseThrow().text());
        assertFalse(local.lastTo("+998901234567").orElseThrow().toString().contains("123456"));
    }
}
