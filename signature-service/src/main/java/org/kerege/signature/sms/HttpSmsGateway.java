package org.kerege.signature.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Production adapter: {@code POST <url>} with JSON {@code {"to": "+998…", "text": "…"}} and an optional
 * bearer token. Any 2xx is success. The text is never logged, also not on failure.
 */
public final class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final Optional<String> token;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSmsGateway(URI url, Optional<String> token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String e164, String text) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("to", e164, "text", text))));
            token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
            HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new SmsFailedException("the SMS gateway answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new SmsFailedException("the SMS gateway cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailedException("interrupted");
        }
    }
}
