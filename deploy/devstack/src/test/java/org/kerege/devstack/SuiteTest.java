package org.kerege.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite runner with two stand-in services ({@link FakeService}), two instances each. */
class SuiteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsKillsRestartsAndStopsEverything(@TempDir Path root) throws Exception {
        fakeRunJar(root, Suite.Service.REQUIREMENTS);
        fakeRunJar(root, Suite.Service.PAYMENTS);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<Long> pids = new ArrayList<>();
        Suite suite = Suite.builder().repoRoot(root).dataDir(root.resolve("data")).randomPorts()
                .instancesPerService(2).services(Suite.Service.REQUIREMENTS, Suite.Service.PAYMENTS)
                .readyTimeout(Duration.ofSeconds(60)).stopOnJvmExit(false)
                .output(new PrintStream(progress, true, StandardCharsets.UTF_8)).start();
        try {
            assertNotEquals(suite.url(Suite.Service.PAYMENTS, 1), suite.url("payments-service", 2));
            assertEquals(200, get(suite.url(Suite.Service.PAYMENTS, 2) + "/q/health/ready").statusCode());

            JsonNode env = JSON.readTree(get(suite.url("requirements", 1) + "/env").body());
            assertEquals(suite.kafka().bootstrapServers(), env.get("KAFKA_BOOTSTRAP_SERVERS").asText());
            assertEquals(suite.postgres().jdbcUrl("kerege"), env.get("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals(DevTokens.ISSUER, env.get("MP_JWT_VERIFY_ISSUER").asText());
            Path publicKey = Path.of(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText().substring("file:".length()));
            String token = suite.token("admin", "root", null);
            assertTrue(DevTokensTest.verify(DevKeys.parsePublicKey(Files.readString(publicKey)), token.split("\\.")));
            // payments-service only: the webhook sealing key kept in data/keys
            assertTrue(env.get("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY").isNull());
            String sealingKey = DevKeys.webhookSecretKey(suite.dataDir().resolve("keys"));
            for (int n = 1; n <= 2; n++) {
                assertEquals(sealingKey, JSON.readTree(get(suite.url(Suite.Service.PAYMENTS, n) + "/env").body())
                        .get("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY").asText());
            }

            suite.kill(Suite.Service.PAYMENTS, 2);
            assertFalse(suite.isRunning(Suite.Service.PAYMENTS, 2));
            assertThrows(IOException.class, () -> get(suite.url(Suite.Service.PAYMENTS, 2) + "/q/health/ready"));
            suite.restart(Suite.Service.PAYMENTS, 2);
            assertEquals(200, get(suite.url(Suite.Service.PAYMENTS, 2) + "/q/health/ready").statusCode());
            assertEquals(sealingKey, JSON.readTree(get(suite.url(Suite.Service.PAYMENTS, 2) + "/env").body())
                    .get("KEREGE_PAYMENTS_WEBHOOK_SECRET_KEY").asText(), "the same key after a restart");
            assertThrows(IllegalArgumentException.class, () -> suite.url(Suite.Service.STATUS, 1));

            pids.add(suite.kafka().pid());
            ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")
                            && c.contains(root.toString())).orElse(false))
                    .forEach(p -> pids.add(p.pid()));
            assertEquals(5, pids.size(), "4 services and the broker: " + pids);
            assertTrue(Files.readString(suite.dataDir().resolve("run/pids")).contains("payments-service#2"));
        } finally {
            suite.close();
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " alive");
        }
        assertFalse(Files.exists(root.resolve("data/run/pids")));
        assertFalse(Files.exists(root.resolve("data/postgres/postmaster.pid")), "PostgreSQL still running");
        assertTrue(Files.readString(root.resolve("data/logs/payments-service-2.log")).contains("fake service listening"));
        String out = progress.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("PostgreSQL stopped"), out);
    }

    @Test
    void tokenCommandUsesTheDataDirKeys(@TempDir Path data) throws Exception {
        System.setProperty("kerege.data", data.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Suite.token(List.of("officer", "o-1", "office=OSH-2", "--ttl=PT1H"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, rc);
            String[] parts = out.toString(StandardCharsets.UTF_8).trim().split("\\.");
            DevKeys keys = DevKeys.loadOrCreate(data.resolve("keys"));
            assertTrue(DevTokensTest.verify(keys.publicKey(), parts));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertEquals("OSH-2", claims.get("office").asText());
            assertEquals("o-1", claims.get("sub").asText());
            assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong());

            assertEquals(2, Suite.token(List.of("nobody"), new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(OutputStream.nullOutputStream())));
        } finally {
            System.clearProperty("kerege.data");
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A quarkus-run.jar that starts {@link FakeService} from this module's test classes. */
    private static void fakeRunJar(Path root, Suite.Service service) throws Exception {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        String classes = FakeService.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String main = KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes + " " + main);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }
}
