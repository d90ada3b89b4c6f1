package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;


import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.MediaQuery;
import org.baraza.core.media.PlaylistItem;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.Recording;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.baraza.server.testing.Sox;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener's message approved into a playlist over real HTTP, with the real sox: it becomes a media asset in the
 * media directory, converted for telephony, at the end of the playlist, once; a playlist of another station is
 * refused; audio that cannot air leaves nothing behind.
 */
@ExtendWith(PostgresExtension.class)
class ApproveIntoPlaylistTest {

    private final Stores stores;
    private final ConsoleWorld world;
    private TelephonyServer server;
    private ConsoleClient manager;
    private Path directory;

    ApproveIntoPlaylistTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeEach
    void start(@TempDir Path directory) {
        Sox.assumeInstalled();
        this.directory = directory;
        server = ConsoleServer.start(stores, directory);
        manager = ConsoleClient.at(server.httpPort()).bearer(world.managerA.token());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anApprovedMessageJoinsTheEndOfThePlaylistAsMediaOnce() throws IOException {
        Recording message = message(Files.readAllBytes(Sox.tone(directory.resolve("tone.wav"), 2.5, 44_100, 2, 0.1)));
        long playlist = world.a.playlist().id().value();
        stores.playlists().replaceItems(world.a.playlist().id(), java.util.List.of(world.a.media().id()));

        ConsoleClient.Response approved = manager.post(approve(message), Map.of("playlist", playlist));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("moderation").asText()).isEqualTo("APPROVED");
        Recording after = stores.recordings().get(message.id());
        assertThat(after.mediaAsset()).isNotNull();
        var media = stores.media().get(after.mediaAsset());
        assertThat(media.kind()).isEqualTo(MediaKind.LISTENER_MESSAGE);
        assertThat(media.durationMs()).isBetween(2490, 2510);
        assertThat(media.stationId()).isEqualTo(world.a.station().id());
        assertThat(media.channels()).as("converted for the phone line").isEqualTo(1);
        assertThat(media.sampleRateHz()).isEqualTo(8000);
        Path placed = directory.resolve("media").resolve(media.filePath());
        assertThat(Sox.info(placed, "-c")).isEqualTo("1");
        assertThat(Sox.info(placed, "-r")).isEqualTo("8000");
        assertThat(Sox.rmsDb(placed)).as("loudness-normalised").isBetween(-21.0, -19.0);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(placed)))
                .as("FreeSWITCH, another user, can read it").isEqualTo("rw-r--r--");
        assertThat(stores.playlists().items(world.a.playlist().id())).extracting(PlaylistItem::mediaAssetId)
                .containsExactly(world.a.media().id(), media.id());
        assertThat(stores.audit().history("recording", String.valueOf(message.id().value()), 5)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("recording.approve"));

        ConsoleClient.Response again = manager.post(approve(message), Map.of("playlist", playlist));
        assertThat(again.status()).isEqualTo(409);
        assertThat(stores.playlists().items(world.a.playlist().id())).hasSize(2);
        assertThat(Files.exists(directory.resolve("media").resolve(media.filePath()))).as("the first approval's file stays").isTrue();
    }

    @Test
    void aPlaylistOfAnotherStationIsRefusedAndAudioThatCannotAirLeavesNothingBehind() throws IOException {
        Recording message = message(Files.readAllBytes(Sox.tone(directory.resolve("tone.wav"), 1, 8000, 1, 0.1)));
        int mediaBefore = stores.media().list(MediaQuery.of(world.one.id())).size();

        ConsoleClient.Response elsewhere = manager.post(approve(message), Map.of("playlist", world.b.playlist().id().value()));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("error").asText()).contains("not one of the message's station");

        Recording garbled = message("not a wav file".getBytes());
        ConsoleClient.Response unplayable = manager.post(approve(garbled), Map.of("playlist", world.a.playlist().id().value()));
        assertThat(unplayable.status()).isEqualTo(400);
        assertThat(unplayable.json().get("error").asText()).contains("cannot be used on air");

        assertThat(stores.recordings().get(message.id()).moderation()).isEqualTo(Moderation.PENDING);
        assertThat(stores.recordings().get(garbled.id()).moderation()).isEqualTo(Moderation.PENDING);
        assertThat(stores.media().list(MediaQuery.of(world.one.id()))).hasSize(mediaBefore);
        Path media = directory.resolve("media");
        try (var files = Files.exists(media) ? Files.walk(media) : java.util.stream.Stream.<Path>empty()) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> !file.startsWith(media.resolve("prompts"))))
                    .as("no file left in the media directory").isEmpty();
        }
    }

    private static String approve(Recording message) {
        return "/api/recordings/" + message.id().value() + "/approve";
    }

    /** A pending listener message of station A whose file holds {@code bytes}. */
    private Recording message(byte[] bytes) throws IOException {
        String path = "messages/" + Fixtures.unique("m") + ".wav";
        Path file = directory.resolve("recordings").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return stores.recordings().create(NewRecording.listenerMessage(world.a.station().id(), null, "+256700000001", path,
                Duration.ofSeconds(1), ConsoleWorld.NOW));
    }
}
