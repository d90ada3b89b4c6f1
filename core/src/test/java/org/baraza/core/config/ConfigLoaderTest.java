package org.baraza.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path DOCUMENTED_FILE = Path.of("..", "etc", "baraza.toml");

    @TempDir
    Path dir;

    @Test
    void withNothingSetEveryKeyHasItsDefault() {
        BarazaConfig config = ConfigLoader.defaults();

        assertThat(config.database()).isEqualTo(new DatabaseConfig("embedded", "baraza", "", 10,
                Duration.ofSeconds(10), Path.of("var/postgres"), 0));
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.log()).isEqualTo(new LogConfig("info"));
        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080, java.net.URI.create("http://127.0.0.1:8080"),
                "freeswitch", "change-me-httapi", "tcp://127.0.0.1:5570", Duration.ofMillis(800), 16_777_216));
        assertThat(config.server().httapiUrl()).hasToString("http://127.0.0.1:8080/httapi");
        assertThat(config.freeSwitch()).isEqualTo(new FreeSwitchConfig("fs1", "127.0.0.1", 8021, "ClueCon", "radio",
                "loopback/baraza-anchor", Path.of("/var/lib/baraza/media"), Path.of("/var/lib/baraza/recordings"),
                "sofia/gateway/baraza/{number}"));
        assertThat(config.daemon()).isEqualTo(new DaemonConfig("daemon-1", java.util.Set.of(), Duration.ofHours(48),
                Duration.ofSeconds(30)));
        assertThat(config.sms()).isEqualTo(SmsConfig.none());
    }

    @Test
    void theDocumentedFileSetsEveryKeyToItsDefault() throws IOException {
        String text = Files.readString(DOCUMENTED_FILE);
        for (ConfigKey<?> key : BarazaConfig.KEYS) {
            assertThat(text).as("etc/baraza.toml documents " + key.name()).contains("[" + key.section() + "]")
                    .containsPattern("(?m)^" + key.leaf() + " = ");
        }
        assertThat(load(DOCUMENTED_FILE, Map.of())).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void theReadmeDocumentsEveryKeyWithItsVariableAndDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();
        for (ConfigKey<?> key : BarazaConfig.KEYS) {
            String shownDefault = key.defaultText().isEmpty() ? "(empty)" : "`" + key.defaultText() + "`";
            assertThat(rows).as("README row for " + key.name()).anyMatch(row -> row.startsWith(
                    "| `" + key.name() + "` | `" + key.environmentVariable() + "` | " + shownDefault + " |"));
        }
    }

    @Test
    void theEnvironmentOverridesTheFileAndTheCommandLineOverridesBoth() throws IOException {
        Path file = write("""
                [database]
                url = "jdbc:postgresql://file-host/baraza"
                pool-size = 4
                connect-timeout = "2s"
                """);
        Map<String, String> environment = Map.of("BARAZA_DATABASE_POOL_SIZE", "7", "BARAZA_LOG_LEVEL", "debug");

        BarazaConfig config = ConfigLoader.load(Optional.of(file), environment, List.of(
                new ConfigLoader.CommandLineValue(DatabaseConfig.URL, "jdbc:postgresql://cli-host/baraza", "--database-url")));

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://cli-host/baraza");
        assertThat(config.database().poolSize()).isEqualTo(7);
        assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.log().level()).isEqualTo("debug");
    }

    @Test
    void theFileNamedByTheEnvironmentIsRead() throws IOException {
        Path file = write("[log]\nlevel = \"warn\"\n");

        BarazaConfig config = ConfigLoader.load(Optional.empty(), Map.of("BARAZA_CONFIG", file.toString()), List.of());

        assertThat(config.log().level()).isEqualTo("warn");
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhereItCameFrom() throws IOException {
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_DATABASE_POOL_SIZE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("database.pool-size = \"0\" (from environment variable BARAZA_DATABASE_POOL_SIZE): "
                        + "must be between 1 and 200");
        Path file = write("[database]\nconnect-timeout = \"soon\"\n");
        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage("database.connect-timeout = \"soon\" (from configuration file " + file
                        + "): must be a duration such as 500ms, 10s, 5m or 2h");
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_LOG_LEVEL", "loud")))
                .hasMessageContaining("log.level").hasMessageEndingWith("must be one of error, warn, info, debug, trace");
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_DATABASE_URL", "mysql://db/baraza")))
                .hasMessageContaining("must be \"embedded\" or a PostgreSQL JDBC URL");
    }

    @Test
    void thePublicUrlMustBeAnHttpUrlWithoutAPathAndTheHubATcpEndpoint() {
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_SERVER_PUBLIC_URL", "ftp://radio.example.org")))
                .hasMessageEndingWith("must be an http:// or https:// URL such as https://radio.example.org");
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_SERVER_PUBLIC_URL", "https://radio.example.org/baraza")))
                .hasMessageEndingWith("must not have a path: Baraza adds /httapi and the others");
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_SERVER_HUB_ENDPOINT", "ipc:///tmp/hub")))
                .hasMessageEndingWith("must be a ZeroMQ endpoint such as tcp://127.0.0.1:5570");
        assertThat(load(null, Map.of("BARAZA_SERVER_PUBLIC_URL", "https://radio.example.org/")).server().httapiUrl())
                .hasToString("https://radio.example.org/httapi");
    }

    @Test
    void aDaemonMayBeLimitedToSomeNetworks() {
        BarazaConfig config = load(null, Map.of("BARAZA_DAEMON_NETWORKS", " west-nile, acholi ,"));

        assertThat(config.daemon().networks()).containsExactlyInAnyOrder("west-nile", "acholi");
    }

    @Test
    void aSecretIsNeverRepeatedInAnError() throws IOException {
        Path file = write("[database]\npassword = 12345678901234567890\n");
        BarazaConfig config = load(file, Map.of());
        assertThat(config.database().password()).isEqualTo("12345678901234567890");
        assertThat(config.database().toString()).doesNotContain("1234567890");
    }

    @Test
    void anErrorStaysOnOneLineEvenWhenTheValueHasLineBreaks() {
        assertThatThrownBy(() -> load(null, Map.of("BARAZA_DATABASE_POOL_SIZE", "1\n2")))
                .hasMessage("database.pool-size = \"1?2\" (from environment variable BARAZA_DATABASE_POOL_SIZE): "
                        + "must be a whole number");
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedSoATypoIsNotIgnored() throws IOException {
        Path file = write("[database]\nurll = \"embedded\"\n");
        assertThatThrownBy(() -> load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration file " + file + ": unknown key database.urll (known in [database]: database.url,");
        Path section = write("[databse]\nurl = \"embedded\"\n");
        assertThatThrownBy(() -> load(section, Map.of())).hasMessageEndingWith("(no such section: databse)");
    }

    @Test
    void aFileThatIsNotTomlIsRefusedWithItsLine() throws IOException {
        Path file = write("[database]\nurl = \"embedded\npool-size = 3\n");
        assertThatThrownBy(() -> load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration file " + file + " line 2 is not valid TOML: ");
    }

    @Test
    void aListWhereOneValueBelongsIsRefused() throws IOException {
        Path file = write("[database]\nuser = [\"a\", \"b\"]\n");
        assertThatThrownBy(() -> load(file, Map.of())).hasMessageEndingWith("database.user must be a single value, not a list");
    }

    @Test
    void aMissingFileNamedOnTheCommandLineIsAnError() {
        Path missing = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of(), List.of()))
                .hasMessage("configuration file " + missing + " (from --config) does not exist");
    }

    @Test
    void everyKeyHasAnEnvironmentVariableNamedAfterIt() {
        assertThat(DatabaseConfig.POOL_SIZE.environmentVariable()).isEqualTo("BARAZA_DATABASE_POOL_SIZE");
        assertThat(BarazaConfig.KEYS).extracting(ConfigKey::environmentVariable).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("BARAZA_[A-Z0-9_]+"));
    }

    private BarazaConfig load(Path file, Map<String, String> environment) {
        return ConfigLoader.load(Optional.ofNullable(file), environment, List.of());
    }

    private Path write(String toml) throws IOException {
        Path file = Files.createTempFile(dir, "baraza", ".toml");
        Files.writeString(file, toml);
        return file;
    }
}
