package org.baraza.daemon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.baraza.core.Ids.StationId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code baraza_station_plan} channel: a schedule, a one-off airing, a station's
 * settings or dial strings changed (migration V3), and the station's daemon should look again at once.
 * Holds one connection on its own named thread; reconnects after a database outage.
 */
final class PlanListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final Consumer<StationId> changed;
    private final Thread thread;
    private volatile boolean running = true;

    private PlanListener(DataSource dataSource, Consumer<StationId> changed) {
        this.dataSource = dataSource;
        this.changed = changed;
        this.thread = Thread.ofPlatform().daemon().name("plan-listener").unstarted(this::run);
    }

    static PlanListener start(DataSource dataSource, Consumer<StationId> changed) {
        PlanListener listener = new PlanListener(dataSource, changed);
        listener.thread.start();
        return listener;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen baraza_station_plan");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("plan notifications interrupted ({}); listening again", e.getMessage());
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            changed.accept(new StationId(Long.parseLong(payload)));
        } catch (NumberFormatException notAStation) {
            LOG.warn("ignoring plan notification \"{}\"", payload);
        } catch (RuntimeException e) {
            LOG.error("plan notification for station {} failed", payload, e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
