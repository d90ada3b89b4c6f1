package org.baraza.daemon.schedule;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections come from Baraza's own pool rather than a second pool of its own, but no more than
 * {@code permits} at once: a Quartz thread waiting for the trigger lock holds its connection all the while, and ten
 * of them could leave the stations none. A connection counts from when it is handed out until it is closed.
 */
final class DataSourceConnections implements ConnectionProvider {
    private final DataSource dataSource;
    private final Semaphore permits;

    DataSourceConnections(DataSource dataSource, int permits) {
        this.dataSource = dataSource;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for one of Quartz's connections", e);
        }
        try {
            return released(dataSource.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** The connection, giving its permit back when first closed. */
    private Connection released(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                try {
                    connection.close();
                } finally {
                    permits.release();
                }
                return null;
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
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
