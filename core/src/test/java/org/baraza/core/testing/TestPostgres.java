package org.baraza.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.core.db.EmbeddedDatabase;
import org.baraza.core.db.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the tests of one JVM share: the server {@code BARAZA_TEST_DATABASE_URL} points at
 * (any database on it; the user needs CREATEDB), or else an embedded server started on first use and
 * stopped when the JVM exits. Each test class gets its own database, copied from a template that holds
 * the migrated schema, so classes stay independent and creating one takes milliseconds.
 */
public final class TestPostgres {

    /** Points the tests at an existing server instead of the embedded one. */
    public static final String URL_VARIABLE = "BARAZA_TEST_DATABASE_URL";

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");
    private static TestPostgres shared;

    private final String serverUrl;
    private final String query;
    private final Properties credentials;
    private final String template;

    private TestPostgres(String adminUrl, Properties credentials) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be jdbc:postgresql://host[:port]/database[?...], got " + adminUrl);
        }
        this.serverUrl = m.group(1);
        this.query = m.group(3) == null ? "" : m.group(3);
        this.credentials = credentials;
        this.template = "baraza_template_" + schemaFingerprint(adminUrl);
        createTemplateUnlessPresent(adminUrl);
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            String external = System.getenv(URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                shared = new TestPostgres(external.strip(), new Properties());
            } else {
                EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
                Properties superuser = new Properties();
                superuser.setProperty("user", EmbeddedDatabase.SUPERUSER);
                shared = new TestPostgres(embedded.jdbcUrl("postgres"), superuser);
            }
        }
        return shared;
    }

    /** A new, empty database with Baraza's schema. Drop it with {@link TestDatabase#close()}. */
    public TestDatabase createDatabase() {
        String name = "baraza_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(adminUrl(), "create database " + name + " template " + template);
        return new TestDatabase(this, name);
    }

    /** An empty database without any schema, for testing the migrations themselves. */
    public TestDatabase createEmptyDatabase() {
        String name = "baraza_empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(adminUrl(), "create database " + name);
        return new TestDatabase(this, name);
    }

    String urlOf(String database) {
        return serverUrl + "/" + database + query;
    }

    Properties credentials() {
        return credentials;
    }

    void drop(String database) {
        execute(adminUrl(), "drop database if exists " + database + " with (force)");
    }

    private String adminUrl() {
        return urlOf("postgres");
    }

    /**
     * Builds the template once per schema: under an advisory lock, so that concurrent test JVMs against
     * one server do not race, and named after the migrations' checksums, so that a changed migration
     * gets a new template rather than a stale one.
     */
    private void createTemplateUnlessPresent(String adminUrl) {
        try (Connection admin = DriverManager.getConnection(adminUrl, credentials)) {
            try (Statement lock = admin.createStatement()) {
                lock.execute("select pg_advisory_lock(hashtext('baraza_test_template'))");
            }
            try {
                if (!exists(admin, template)) {
                    String building = template + "_building_" + ProcessHandle.current().pid();
                    try (Statement s = admin.createStatement()) {
                        s.execute("drop database if exists " + building + " with (force)");
                        s.execute("create database " + building);
                    }
                    Migrations.migrate(dataSource(urlOf(building)));
                    try (Statement s = admin.createStatement()) {
                        s.execute("alter database " + building + " rename to " + template);
                    }
                }
            } finally {
                try (Statement unlock = admin.createStatement()) {
                    unlock.execute("select pg_advisory_unlock(hashtext('baraza_test_template'))");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database template on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private String schemaFingerprint(String adminUrl) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            MigrationInfo[] all = Flyway.configure().dataSource(dataSource(adminUrl))
                    .locations("classpath:db/migration").load().info().all();
            for (MigrationInfo migration : all) {
                digest.update((migration.getVersion() + ":" + migration.getChecksum() + ";").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (credentials.getProperty("user") != null) {
            ds.setUser(credentials.getProperty("user"));
        }
        return ds;
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
