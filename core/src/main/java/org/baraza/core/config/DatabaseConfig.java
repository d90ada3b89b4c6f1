package org.baraza.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where Baraza's PostgreSQL is. {@code url = "embedded"} runs a private PostgreSQL in
 * {@code embeddedDir}: for trying Baraza, the demo and small installs; production points at a server.
 *
 * @param embeddedPort 0 picks any free port
 */
public record DatabaseConfig(
        String url,
        String user,
        String password,
        int poolSize,
        Duration connectTimeout,
        Path embeddedDir,
        int embeddedPort) {

    public static final String EMBEDDED = "embedded";

    public static final ConfigKey<String> URL = ConfigKey.of("database.url", EMBEDDED,
            "\"embedded\" runs a private PostgreSQL in database.embedded-dir; otherwise a JDBC URL, "
                    + "e.g. jdbc:postgresql://db.example.org:5432/baraza",
            Parsers.databaseUrl());
    public static final ConfigKey<String> USER = ConfigKey.of("database.user", "baraza",
            "Database user (ignored by the embedded database).", Parsers.nonBlank(63));
    public static final ConfigKey<String> PASSWORD = ConfigKey.secret("database.password",
            "Database password; prefer the environment variable to writing it in the file.");
    public static final ConfigKey<Integer> POOL_SIZE = ConfigKey.of("database.pool-size", "10",
            "Most connections one process keeps open.", Parsers.integer(1, 200));
    public static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.of("database.connect-timeout", "10s",
            "How long to wait for a connection before giving up.",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofMinutes(5)));
    public static final ConfigKey<Path> EMBEDDED_DIR = ConfigKey.of("database.embedded-dir", "var/postgres",
            "Data directory of the embedded database (relative to the working directory).", Parsers.path());
    public static final ConfigKey<Integer> EMBEDDED_PORT = ConfigKey.of("database.embedded-port", "0",
            "Port of the embedded database on 127.0.0.1; 0 picks a free one.", Parsers.integer(0, 65535));

    static final List<ConfigKey<?>> KEYS =
            List.of(URL, USER, PASSWORD, POOL_SIZE, CONNECT_TIMEOUT, EMBEDDED_DIR, EMBEDDED_PORT);

    static DatabaseConfig from(Settings s) {
        return new DatabaseConfig(s.get(URL), s.get(USER), s.get(PASSWORD), s.get(POOL_SIZE),
                s.get(CONNECT_TIMEOUT), s.get(EMBEDDED_DIR), s.get(EMBEDDED_PORT));
    }

    public boolean embedded() {
        return EMBEDDED.equals(url);
    }

    /** A copy pointing at another database: what {@code --database-url} does. */
    public DatabaseConfig withUrl(String newUrl) {
        return new DatabaseConfig(newUrl, user, password, poolSize, connectTimeout, embeddedDir, embeddedPort);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
