package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.baraza.core.audit.AuditEntry;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaQuery;
import org.baraza.server.TelephonyServer;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.testing.ServerConfigs;
import org.baraza.server.testing.Sox;
import org.baraza.server.testing.Webhook;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Uploads to the media library over real HTTP, converted by the real sox, stored in PostgreSQL and under the media
 * directory. The server takes 64 KiB bodies but 1 MiB uploads, so that every upload here also shows the larger
 * limit holds where it should and nowhere else.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaUploadTest {

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int MEDIA_MAX_BYTES = 1 << 20;
    private static final String PASSWORD = "correct horse battery";

    private final Stores stores;
    private final ConsoleWorld world;
    private Path directory;
    private Path media;
    private TelephonyServer server;

    MediaUploadTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        Sox.assumeInstalled();
        this.directory = directory;
        BarazaConfig config = ServerConfigs.onFreePorts(directory.resolve("server"), new ConsoleConfig(Duration.ofMinutes(30),
                Duration.ofHours(12), 5, Duration.ofMinutes(15), MEDIA_MAX_BYTES, 8000));
        ServerConfig s = config.server();
        server = TelephonyServer.start(new BarazaConfig(config.database(), new ServerConfig(s.bindAddress(), s.port(), s.publicUrl(),
                s.httapiUser(), s.httapiPassword(), s.hubEndpoint(), s.requestTimeout(), MAX_REQUEST_BYTES), config.freeSwitch(),
                config.daemon(), config.sms(), config.log(), config.console()), stores, Clock.systemUTC());
        media = config.freeSwitch().mediaDir();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aManagerUploadsAWavThatIsConvertedForTelephonyStoredAuditedAndPlayable() {
        long station = world.a.station().id().value();
        byte[] wav = audio("farming.wav", 2, 0.3);
        assertThat(wav.length).as("larger than the server takes but for uploads").isGreaterThan(MAX_REQUEST_BYTES);

        ConsoleClient.Response made = manager().multipart("/api/stations/" + station + "/media",
                Webhook.multipart(Map.of("title", "Farming tips <b>beans</b>", "kind", "news", "language", "sw"), "file",
                        "farming.wav", wav));

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode asset = made.json();
        assertThat(asset.get("title").asText()).isEqualTo("Farming tips <b>beans</b>");
        assertThat(asset.get("kind").asText()).isEqualTo("NEWS");
        assertThat(asset.get("language").asText()).isEqualTo("sw");
        assertThat(asset.get("stationId").asLong()).isEqualTo(station);
        assertThat(asset.get("durationMs").asInt()).isEqualTo(2000);
        assertThat(asset.get("sampleRateHz").asInt()).isEqualTo(8000);
        assertThat(asset.get("channels").asInt()).isEqualTo(1);
        assertThat(asset.get("format").asText()).isEqualTo("WAV");
        String filePath = asset.get("filePath").asText();
        assertThat(filePath).matches("library/station-" + station + "/farming-tips-b-beans-b-[0-9a-f]{12}\\.wav");
        Path stored = media.resolve(filePath);
        assertThat(Sox.info(stored, "-r")).isEqualTo("8000");
        assertThat(stored).hasSize(asset.get("sizeBytes").asLong());
        assertThat(incoming()).isEmpty();
        assertThat(stores.audit().history("media", asset.get("id").asText(), 5)).extracting(AuditEntry::action)
                .containsExactly("media.upload");

        ConsoleClient.Response audio = manager().get("/api/media/" + asset.get("id").asText() + "/audio");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("audio/wav"));
        assertThat(audio.body()).startsWith("RIFF");
    }

    @Test
    void theNetworksAdminUploadsAnMp3ForEveryStationOfTheNetwork() {
        ConsoleClient.Response made = admin().multipart("/api/media", Webhook.multipart(Map.of("kind", "music"), "file",
                "Jingle Bells.mp3", audio("jingle.mp3", 3, 0.5)));

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("title").asText()).as("the file's name, without a title").isEqualTo("Jingle Bells");
        assertThat(made.json().get("stationId").isNull()).isTrue();
        assertThat(made.json().get("filePath").asText()).startsWith("library/network-" + world.one.id().value() + "/jingle-bells-");
        assertThat(made.json().get("durationMs").asInt()).isBetween(3000, 3100);
    }

    @Test
    void aFileThatIsNotAudioIsRefusedWithWhatSoxSaidAndLeavesNothing() {
        List<Path> before = library();

        ConsoleClient.Response refused = manager().multipart(stationMedia(), Webhook.multipart(Map.of("title", "Not a song"),
                "file", "song.wav", "<html>hello</html>".repeat(100).getBytes()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).startsWith("the file is not WAV audio that sox can read")
                .contains("RIFF header not found").doesNotContain(directory.toString());
        assertThat(mediaTitled("Not a song")).isEmpty();
        assertThat(library()).isEqualTo(before);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void theSameAudioUploadedAgainIsRefusedNamingTheFirstAndLeavesNothing() {
        byte[] wav = audio("twice.wav", 1, 0.7);
        ConsoleClient.Response first = manager().multipart(stationMedia(), Webhook.multipart(Map.of("title", "Once"), "file",
                "twice.wav", wav));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        List<Path> before = library();

        ConsoleClient.Response again = manager().multipart(stationMedia(), Webhook.multipart(Map.of("title", "Twice"), "file",
                "twice.wav", wav));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("the same audio is already").contains("\"Once\"");
        assertThat(library()).isEqualTo(before);
        assertThat(media.resolve(first.json().get("filePath").asText())).exists();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void anUploadOverTheMediaLimitIs413AndOtherRequestsKeepTheServersLimit() {
        List<Path> before = library();

        ConsoleClient.Response tooLarge = manager().multipart(stationMedia(), Webhook.multipart(Map.of("title", "Huge"), "file",
                "huge.wav", new byte[MEDIA_MAX_BYTES + 1]));
        ConsoleClient.Response largeJson = manager().send("POST", "/api/stations/" + world.a.station().id().value() + "/blocks",
                "{\"number\": \"" + "1".repeat(MAX_REQUEST_BYTES) + "\"}", "application/json");

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(largeJson.status()).isEqualTo(413);
        assertThat(library()).isEqualTo(before);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void aFileThatIsNeitherWavNorMp3Is415AndAnUnknownKind400() {
        ConsoleClient.Response ogg = manager().multipart(stationMedia(), Webhook.multipart(Map.of(), "file", "song.ogg",
                audio("song.wav", 1, 0.2)));
        ConsoleClient.Response kind = manager().multipart(stationMedia(), Webhook.multipart(Map.of("kind", "sermon"), "file",
                "song.wav", audio("song.wav", 1, 0.2)));
        ConsoleClient.Response noFile = manager().multipart(stationMedia(), Webhook.multipart(Map.of("title", "x"), null, null));

        assertThat(ogg.status()).isEqualTo(415);
        assertThat(ogg.json().get("error").asText()).contains("WAV and MP3").contains("song.ogg");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("error").asText()).contains("kind must be one of");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("error").asText()).contains("field \"file\"");
    }

    @Test
    void aBrowsersUploadNeedsTheSessionsCsrfTokenWhichAFormFieldMayCarry() {
        ConsoleClient.Response signedIn = ConsoleClient.at(server.httpPort()).post("/api/session",
                Map.of("email", world.managerA.user().email(), "password", PASSWORD));
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        ConsoleClient browser = ConsoleClient.at(server.httpPort()).withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));
        byte[] wav = audio("csrf.wav", 1, 0.45);

        ConsoleClient.Response forged = browser.multipart(stationMedia(), Webhook.multipart(Map.of("title", "Forged"), "file",
                "csrf.wav", wav));
        ConsoleClient.Response sent = browser.multipart(stationMedia(), Webhook.multipart(Map.of("title", "Mine",
                "_csrf", signedIn.json().get("csrfToken").asText()), "file", "csrf.wav", wav));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(mediaTitled("Forged")).isEmpty();
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    }

    private ConsoleClient manager() {
        return ConsoleClient.at(server.httpPort()).bearer(world.managerA.token());
    }

    private ConsoleClient admin() {
        return ConsoleClient.at(server.httpPort()).bearer(world.adminOne.token());
    }

    private String stationMedia() {
        return "/api/stations/" + world.a.station().id().value() + "/media";
    }

    /** A tone of CD quality, stereo, in the format the name says, as an upload's bytes. */
    private byte[] audio(String name, double seconds, double amplitude) {
        try {
            Path file = Files.createTempDirectory(directory, "audio").resolve(name);
            return Files.readAllBytes(Sox.tone(file, seconds, 44_100, 2, amplitude));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MediaAsset> mediaTitled(String title) {
        return stores.media().list(MediaQuery.of(world.one.id())).stream().filter(asset -> asset.title().equals(title)).toList();
    }

    private List<Path> library() {
        return files(media.resolve("library"));
    }

    private List<Path> incoming() {
        return files(media.resolve(".incoming"));
    }

    private static List<Path> files(Path under) {
        if (!Files.isDirectory(under)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
