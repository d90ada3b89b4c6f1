package org.baraza.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.baraza.core.testing.TestDatabase;
import org.baraza.core.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code baraza} command line, run in-process exactly as {@code main} runs it, minus the exit. */
class BarazaCommandLineTest {

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void versionNamesTheBuildAndTheJava() {
        Result result = run(Map.of(), "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("baraza 0.").contains("Java " + Runtime.version().feature());
    }

    @Test
    void withoutACommandItShowsTheUsageAndExitsTwo() {
        Result result = run(Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: baraza", "migrate", "server", "daemon", "demo", "sim");
    }

    @Test
    void theServerListensForFreeSwitchAndTheDaemonsUntilStopped() throws IOException {
        try (TestDatabase database = TestPostgres.shared().createDatabase()) {
            int port = freePort();
            Result result = run(Map.of("BARAZA_DATABASE_USER", database.user(), "BARAZA_SERVER_PORT", String.valueOf(port),
                    "BARAZA_SERVER_HUB_ENDPOINT", "tcp://127.0.0.1:" + freePort(), "BARAZA_FREESWITCH_MEDIA_DIR",
                    temporary("media"), "BARAZA_FREESWITCH_RECORDINGS_DIR", temporary("recordings")),
                    "server", "--database-url", database.url(), "--stop-after", "1");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("baraza server: mod_httapi at http://127.0.0.1:" + port + "/httapi, hub at tcp://");
        }
    }

    @Test
    void allRunsTheServerAndADaemonInOneProcess() throws IOException {
        int closedPort = freePort();
        try (TestDatabase database = TestPostgres.shared().createDatabase()) {
            Result result = run(Map.of("BARAZA_DATABASE_USER", database.user(), "BARAZA_SERVER_PORT", String.valueOf(freePort()),
                    "BARAZA_SERVER_HUB_ENDPOINT", "tcp://127.0.0.1:" + freePort(), "BARAZA_FREESWITCH_ESL_PORT",
                    String.valueOf(closedPort), "BARAZA_DAEMON_ID", "all-test", "BARAZA_FREESWITCH_MEDIA_DIR",
                    temporary("media"), "BARAZA_FREESWITCH_RECORDINGS_DIR", temporary("recordings")),
                    "all", "--database-url", database.url(), "--stop-after", "1");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("baraza all: mod_httapi at http://127.0.0.1:").contains(", daemon all-test on "
                    + "FreeSWITCH fs1 at 127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aServerWhosePortIsTakenSaysSoInOneLineAndExitsOne() throws IOException {
        try (TestDatabase database = TestPostgres.shared().createDatabase(); ServerSocket taken = new ServerSocket(0)) {
            Result result = run(Map.of("BARAZA_DATABASE_USER", database.user(), "BARAZA_SERVER_PORT",
                    String.valueOf(taken.getLocalPort()), "BARAZA_SERVER_HUB_ENDPOINT", "tcp://127.0.0.1:" + freePort(),
                    "BARAZA_FREESWITCH_MEDIA_DIR", temporary("media"), "BARAZA_FREESWITCH_RECORDINGS_DIR",
                    temporary("recordings")), "server", "--database-url", database.url(), "--stop-after", "1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("baraza server: ").hasLineCount(1);
        }
    }

    @Test
    void benchRefusesAnUnknownScenarioNamingTheOnesThereAreAndRunsNothing(@TempDir Path out) {
        Result result = run(Map.of(), "bench", "--only", "no-such-scenario", "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no scenario no-such-scenario", "anchors", "control-latency");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result result = run(Map.of(), "migrate", "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void migrateBringsTheDatabaseAtTheUrlToTheSchemaAndASecondRunChangesNothing() {
        try (TestDatabase database = TestPostgres.shared().createEmptyDatabase()) {
            Map<String, String> environment = Map.of("BARAZA_DATABASE_USER", database.user());

            Result first = run(environment, "migrate", "--database-url", database.url());
            Result second = run(environment, "migrate", "--database-url", database.url());

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).startsWith(database.url() + ": applied ").contains("(an empty database -> version ");
            assertThat(second.exitCode()).isZero();
            assertThat(second.out()).startsWith(database.url() + ": schema is up to date at version ");
            Integer stations = database.jdbi().withHandle(h -> h.createQuery("select count(*) from stations")
                    .mapTo(Integer.class).one());
            assertThat(stations).isZero();
        }
    }

    @Test
    void migrateRunsTheEmbeddedDatabaseByDefaultAndKeepsItsData() throws IOException {
        Path config = Files.writeString(dir.resolve("baraza.toml"),
                "[database]\nembedded-dir = \"" + dir.resolve("pg") + "\"\n");

        Result first = run(Map.of(), "migrate", "--config", config.toString());
        Result second = run(Map.of(), "migrate", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("embedded PostgreSQL in " + dir.resolve("pg")).contains(": applied ");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains(": schema is up to date at version ");
        assertThat(dir.resolve("pg").resolve("PG_VERSION")).exists();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsOneLineAndExitOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = run(Map.of("BARAZA_DATABASE_CONNECT_TIMEOUT", "2s"),
                "migrate", "--database-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/baraza");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("baraza: cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort
                + "/baraza as baraza: Connection to 127.0.0.1:" + closedPort + " refused. Check that the hostname and port"
                + " are correct and that the postmaster is accepting TCP/IP connections. (Connection refused)\n");
    }

    @Test
    void anUnknownHostIsOneLineAndExitOne() {
        Result result = run(Map.of(), "migrate", "--database-url", "jdbc:postgresql://no-such-host.invalid/baraza");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("baraza: cannot connect to jdbc:postgresql://no-such-host.invalid/baraza"
                + " as baraza: unknown host no-such-host.invalid\n");
    }

    @Test
    void aWrongPasswordIsOneLineAndExitOne() {
        try (PasswordProtectedPostgres server = PasswordProtectedPostgres.start(dir.resolve("pg"), "baraza", "right")) {
            String url = server.url();

            Result wrong = run(Map.of("BARAZA_DATABASE_PASSWORD", "wrong"), "migrate", "--database-url", url);
            Result right = run(Map.of("BARAZA_DATABASE_PASSWORD", "right"), "migrate", "--database-url", url);

            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err()).isEqualTo("baraza: cannot connect to " + url
                    + " as baraza: FATAL: password authentication failed for user \"baraza\"\n");
            assertThat(right.exitCode()).as(right.err()).isZero();
            assertThat(right.out()).contains(": applied ");
        }
    }

    @Test
    void aMigrationTheDatabaseRefusesIsOneLineAndLeavesNothingBehind() {
        try (PasswordProtectedPostgres server = PasswordProtectedPostgres.start(dir.resolve("pg"), "baraza", "right")) {
            // The role may create tables in "postgres" but not extensions, which V1 needs first.
            server.superuser("postgres", "grant create on schema public to baraza");
            String url = server.urlOf("postgres");

            Result result = run(Map.of("BARAZA_DATABASE_PASSWORD", "right"), "migrate", "--database-url", url);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo(
                    "baraza: migration failed: ERROR: permission denied to create extension \"btree_gist\"\n");
            assertThat(server.tablesIn("postgres")).doesNotContain("networks", "stations", "qrtz_triggers");
        }
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        try (PasswordProtectedPostgres server = PasswordProtectedPostgres.start(dir.resolve("pg"), "baraza", "right")) {
            Result result = run(Map.of(), "migrate", "--database-url", server.url() + "?password=s3cret-wrong");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("password=***").doesNotContain("s3cret-wrong");
        }
    }

    @Test
    void theDaemonRefusesADatabaseWhoseSchemaIsBehind() {
        try (TestDatabase database = TestPostgres.shared().createEmptyDatabase()) {
            Result result = run(Map.of("BARAZA_DATABASE_USER", database.user()), "daemon", "--database-url", database.url(),
                    "--stop-after", "1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("baraza daemon: the database schema is ").endsWith(
                    " migration(s) behind: run `baraza migrate` first\n");
        }
    }

    @Test
    void theDaemonRunsUntilStoppedEvenWhileFreeSwitchIsAway() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestDatabase database = TestPostgres.shared().createDatabase()) {
            Result result = run(Map.of("BARAZA_DATABASE_USER", database.user(), "BARAZA_FREESWITCH_ESL_PORT",
                    String.valueOf(closedPort), "BARAZA_DAEMON_ID", "cli-test"), "daemon", "--database-url", database.url(),
                    "--stop-after", "2");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("baraza daemon cli-test: running on " + database.url()
                    + ", FreeSWITCH fs1 at 127.0.0.1:" + closedPort + ", hub at tcp://127.0.0.1:5570; stop with Ctrl-C");
        }
    }

    @Test
    void aBadConfigurationValueNamesTheKeyAndExitsTwo() {
        Result result = run(Map.of("BARAZA_DATABASE_POOL_SIZE", "lots"), "migrate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("baraza: configuration error: database.pool-size = \"lots\" (from environment"
                + " variable BARAZA_DATABASE_POOL_SIZE): must be a whole number\n");
    }

    @Test
    void aBadDatabaseUrlOnTheCommandLineIsAConfigurationError() {
        Result result = run(Map.of(), "migrate", "--database-url", "postgres://localhost/baraza");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("baraza: configuration error: database.url = \"postgres://localhost/baraza\""
                + " (from --database-url): must be \"embedded\" or a PostgreSQL JDBC URL");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String temporary(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name)).toString();
    }

    @Test
    void userAddMakesTheFirstAdminWithThePasswordFromTheEnvironment() {
        try (TestDatabase database = TestPostgres.shared().createDatabase()) {
            Map<String, String> environment = Map.of("BARAZA_DATABASE_USER", database.user(), "BARAZA_USER_PASSWORD",
                    "a long enough secret");

            Result added = run(environment, "user", "add", "--email", "amina@example.org", "--name", "Amina", "--network", "east",
                    "--new-network", "East Africa Radio", "--role", "network-admin", "--database-url", database.url());
            Result again = run(environment, "user", "add", "--email", "amina@example.org", "--network", "east",
                    "--role", "network-admin", "--database-url", database.url());
            Result nowhere = run(environment, "user", "add", "--email", "joseph@example.org", "--network", "west",
                    "--role", "network-admin", "--database-url", database.url());

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).contains("added amina@example.org").contains("as network admin");
            assertThat(org.baraza.core.db.Stores.on(database.jdbi()).users().authenticate("amina@example.org",
                    "a long enough secret")).isPresent();
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("already exists");
            assertThat(nowhere.exitCode()).isEqualTo(1);
            assertThat(nowhere.err()).contains("--new-network");
        }
    }

    private static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Baraza.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
