package org.baraza.core.db;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.baraza.core.config.DatabaseConfig;
import org.jdbi.v3.core.Jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A process's connection to Baraza's PostgreSQL: the pool, the {@link Jdbi} built on it, and the
 * embedded server when the configuration asks for one. Opening checks that the database answers, so a
 * wrong URL or password is reported at once, in one line.
 *
 * <p>One per process, from start-up to {@link #close()}. Thread-safe.
 */
public final class Database implements AutoCloseable {

    /** The database the embedded server keeps Baraza's data in. */
    public static final String EMBEDDED_DATABASE_NAME = "baraza";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

    private final EmbeddedDatabase embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String where;

    private Database(EmbeddedDatabase embedded, HikariDataSource pool, String where) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbi = Jdbis.create(pool);
        this.where = where;
    }

    /** @throws DatabaseUnavailableException when the database cannot be started or reached */
    public static Database open(DatabaseConfig config) {
        if (!config.embedded()) {
            return connect(null, config.url(), config.user(), config.password(), config, redact(config.url()));
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.startPersistent(config.embeddedDir(), config.embeddedPort());
        try {
            embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
            String url = embedded.jdbcUrl(EMBEDDED_DATABASE_NAME);
            return connect(embedded, url, EmbeddedDatabase.SUPERUSER, "", config,
                    "embedded PostgreSQL in " + config.embeddedDir() + " (" + url + ")");
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static Database connect(EmbeddedDatabase embedded, String url, String user, String password,
                                    DatabaseConfig config, String where) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("baraza-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.addDataSourceProperty("ApplicationName", "baraza");
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        hikari.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        try {
            return new Database(embedded, new HikariDataSource(hikari), where);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + redact(url) + " as " + user + ": "
                    + DatabaseUnavailableException.oneLine(e), e);
        }
    }

    /** The URL with any password parameter blanked, fit for logs and error messages. */
    public static String redact(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    public DataSource dataSource() {
        return pool;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Which database this is, for people: the URL without its password, or where the embedded one lives. */
    public String describe() {
        return where;
    }

    public Migrations.Report migrate() {
        return Migrations.migrate(pool);
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
