package org.baraza.daemon.schedule;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/** Quartz's connections come from Baraza's own pool rather than a second pool of its own. */
final class DataSourceConnections implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to the process, not to Quartz.
    }

    @Override
    public void initialize() {
        // Nothing to set up: the pool is already running.
    }
}
