package org.baraza.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.baraza.core.db.EmbeddedDatabase;

/**
 * An embedded PostgreSQL that, unlike the tests' usual one, checks passwords (scram-sha-256) for one
 * login role, so that a wrong password can be tried for real.
 */
final class PasswordProtectedPostgres implements AutoCloseable {

    private final EmbeddedDatabase server;
    private final String user;

    private PasswordProtectedPostgres(EmbeddedDatabase server, String user) {
        this.server = server;
        this.user = user;
    }

    static PasswordProtectedPostgres start(Path dataDirectory, String user, String password) {
        EmbeddedDatabase server = EmbeddedDatabase.startPersistent(dataDirectory, 0);
        try (Connection admin = server.adminDataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("create role " + user + " login password '" + password + "'");
            // Its own database, as in production; PostgreSQL 15+ lets no one else create in "public".
            s.execute("create database " + user + " owner " + user);
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
        PasswordProtectedPostgres protectedServer = new PasswordProtectedPostgres(server, user);
        // The server rereads pg_hba.conf after the signal; wait until it refuses a wrong password.
        await().atMost(Duration.ofSeconds(10)).until(() -> protectedServer.refuses("not-the-password"));
        return protectedServer;
    }

    /** The URL of the role's own database. */
    String url() {
        return urlOf(user);
    }

    String urlOf(String database) {
        return server.jdbcUrl(database);
    }

    /** Runs one statement in a database as the superuser. */
    void superuser(String database, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedDatabase.SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables in a database's public schema, read as the superuser. */
    java.util.List<String> tablesIn(String database) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedDatabase.SUPERUSER, "");
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("try") // the connection is opened only to see whether the server accepts it
    private boolean refuses(String password) {
        try (Connection ignored = DriverManager.getConnection(urlOf("postgres"), user, password)) {
            return false;
        } catch (SQLException e) {
            return "28P01".equals(e.getSQLState());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
