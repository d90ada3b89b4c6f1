package org.baraza.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.baraza.core.config.DatabaseConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.EmbeddedDatabase;
import java.time.Duration;

/**
 * One embedded PostgreSQL for a whole {@code baraza bench} run, with its default (durable) settings, started and
 * migrated on first use: starting and migrating costs seconds, so scenarios share it, each in a network of its own
 * ({@link #nextNetwork}) run by a daemon of its own. Lives until {@link #close}; thread-safe.
 */
final class SharedDatabase implements AutoCloseable {

    private final AtomicInteger networks = new AtomicInteger();
    private Path home;
    private EmbeddedDatabase postgres;
    private String url;

    /** The JDBC URL of the migrated database, starting PostgreSQL the first time. */
    synchronized String url() {
        if (url == null) {
            try {
                home = Files.createTempDirectory("baraza-bench-db-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = EmbeddedDatabase.startPersistent(home.resolve("postgres"), 0);
            postgres.ensureDatabase(Database.EMBEDDED_DATABASE_NAME);
            url = postgres.jdbcUrl(Database.EMBEDDED_DATABASE_NAME);
            try (Database database = Database.open(pool(url, 2))) {
                database.migrate();
            }
        }
        return url;
    }

    /** A pool of {@code size} connections on it: each process of production has its own. */
    Database open(int size) {
        return Database.open(pool(url(), size));
    }

    /** A number no other scenario of this run has: for network slugs and station numbers. */
    int nextNetwork() {
        return networks.incrementAndGet();
    }

    private static DatabaseConfig pool(String url, int size) {
        return new DatabaseConfig(url, EmbeddedDatabase.SUPERUSER, "", size, Duration.ofSeconds(10), null, 0);
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            postgres.close();
            Rig.deleteTree(home);
        }
    }
}
