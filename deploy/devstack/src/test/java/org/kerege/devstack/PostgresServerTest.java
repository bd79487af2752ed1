package org.kerege.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void startsAnswersAndKeepsDataAcrossRestarts(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        PostgresServer.Options options = new PostgresServer.Options(0, dataDir, true, null,
                dataDir.resolveSibling("postgres.log"), true);

        PostgresServer first = PostgresServer.start(options);
        int port;
        try {
            port = first.port();
            assertTrue(port > 0);
            assertEquals("jdbc:postgresql://localhost:" + port + "/kerege", first.jdbcUrl("kerege"));
            try (Connection c = first.connect(PostgresServer.DATABASE); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select 1")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
                s.execute("create table kept (id int primary key, name text)");
                s.execute("insert into kept values (1, 'still here')");
            }
        } finally {
            first.stop();
        }

        PostgresServer second = PostgresServer.start(options);
        try {
            try (Connection c = second.connect(PostgresServer.DATABASE); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select name from kept where id = 1")) {
                assertTrue(rs.next());
                assertEquals("still here", rs.getString(1));
            }
            second.createDatabaseIfMissing(PostgresServer.DATABASE); // idempotent
        } finally {
            second.close();
        }
    }

    @Test
    void restartInPlaceDropsConnectionsAndKeepsPortAndData(@TempDir Path tmp) throws Exception {
        PostgresServer server = PostgresServer.start(new PostgresServer.Options(0, tmp.resolve("data"), false, null,
                tmp.resolve("postgres.log"), true));
        try {
            Connection before = server.connect(PostgresServer.DATABASE);
            try (Statement s = before.createStatement()) {
                s.execute("create table kept (id int primary key)");
                s.execute("insert into kept values (7)");
            }
            server.restart();
            assertThrows(java.sql.SQLException.class, () -> {
                try (Statement s = before.createStatement()) {
                    s.executeQuery("select 1");
                }
            }, "the old connection was dropped");
            before.close();
            try (Connection c = server.connect(PostgresServer.DATABASE); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from kept")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        } finally {
            server.close();
        }
    }
}
