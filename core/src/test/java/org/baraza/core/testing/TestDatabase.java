package org.baraza.core.testing;

import javax.sql.DataSource;

import org.baraza.core.db.Jdbis;
import org.jdbi.v3.core.Jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** One test class's own database on the {@link TestPostgres} server; dropped on {@link #close()}. */
public final class TestDatabase implements AutoCloseable {

    private final TestPostgres server;
    private final String name;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    TestDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(server.urlOf(name));
        config.setDataSourceProperties(server.credentials());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        this.pool = new HikariDataSource(config);
        this.jdbi = Jdbis.create(pool);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL for this database, with whatever parameters the server URL had. */
    public String url() {
        return server.urlOf(name);
    }

    /** The user to connect as, or null when the URL carries it. */
    public String user() {
        return server.credentials().getProperty("user");
    }

    public DataSource dataSource() {
        return pool;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        pool.close();
        server.drop(name);
    }
}
