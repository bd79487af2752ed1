package org.kerege.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeregeTestResourceTest {

    @Test
    void startsOncePerJvmAndReturnsTheConfiguration() throws Exception {
        Map<String, String> config = new KeregeTestResource().start();
        assertSame(config, new KeregeTestResource().start(), "second start reuses the first");

        assertEquals(KeregeTestResource.postgres().jdbcUrl("kerege"), config.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgres", config.get("quarkus.datasource.username"));
        assertEquals("postgres", config.get("quarkus.datasource.password"));
        assertEquals(KeregeTestResource.kafka().bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("https://kerege.local/dev", config.get("mp.jwt.verify.issuer"));
        String location = config.get("mp.jwt.verify.publickey.location");
        assertTrue(location.startsWith("file:/"), location);
        assertEquals(6, config.size());

        Properties credentials = new Properties();
        credentials.setProperty("user", config.get("quarkus.datasource.username"));
        credentials.setProperty("password", config.get("quarkus.datasource.password"));
        try (Connection c = new org.postgresql.Driver().connect(config.get("quarkus.datasource.jdbc.url"), credentials);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_database()")) {
            assertTrue(rs.next());
            assertEquals("kerege", rs.getString(1));
        }

        String token = KeregeTestResource.token("bank", "teller-1", Map.of("bank", "DEMIR"));
        String pem = Files.readString(Path.of(location.substring("file:".length())));
        assertTrue(DevTokensTest.verify(DevKeys.parsePublicKey(pem), token.split("\\.")));

        // Two handles act on one broker process.
        KafkaBroker a = KeregeTestResource.kafka();
        KafkaBroker b = KeregeTestResource.kafka();
        long pid = a.pid();
        b.restart();
        assertTrue(a.isRunning());
        assertTrue(a.pid() != pid && a.pid() == b.pid());
        assertEquals(config.get("kafka.bootstrap.servers"), b.bootstrapServers());
    }
}
