package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.MediaQuery;
import org.baraza.core.media.MediaStore;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.people.User;
import org.baraza.core.program.Program;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MediaStoreTest {

    private static final Instant ARCHIVED = Instant.parse("2026-03-02T10:00:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final MediaStore media;
    private final Fixtures fixtures;

    MediaStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.media = stores.media();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void anAssetIsRegisteredWithAllItsPropertiesAndFoundAgain() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        User uploader = fixtures.user(network);
        MediaAssetDetails details = new MediaAssetDetails(station.id(), "Habari za Asubuhi", MediaKind.NEWS, "sw",
                "news/2026/03/02-morning.wav", "AB".repeat(32), AudioFormat.WAV, 301_250, 8_000, 1, 4_820_044, -23.456,
                uploader.id());

        MediaAsset created = media.register(network.id(), details);

        assertThat(created.details()).isEqualTo(details);
        assertThat(created.sha256()).isEqualTo("ab".repeat(32));
        assertThat(created.loudnessLufs()).isEqualTo(-23.46);
        assertThat(created.networkId()).isEqualTo(network.id());
        assertThat(created.archived()).isFalse();
        assertThat(media.get(created.id())).isEqualTo(created);
    }

    @Test
    void aSharedAssetWithoutLanguageLoudnessOrUploaderIsStoredAsSuch() {
        Network network = fixtures.network();
        MediaAssetDetails details = new MediaAssetDetails(null, "Station ident", MediaKind.JINGLE, null, "jingles/ident.mp3",
                "0".repeat(63) + "1", AudioFormat.MP3, 4_000, 48_000, 2, 64_000, null, null);

        MediaAsset created = media.register(network.id(), details);

        assertThat(created.details()).isEqualTo(details);
        assertThat(media.find(created.id())).contains(created);
    }

    @Test
    void theSameAudioTwiceInANetworkIsRefusedNamingTheAssetItIsAlready() {
        Network network = fixtures.network();
        MediaAsset first = media.register(network.id(), Fixtures.mediaDetails("Malaika", MediaKind.MUSIC));
        MediaAssetDetails again = new MediaAssetDetails(null, "Malaika (copy)", MediaKind.MUSIC, null, "uploads/malaika-2.mp3",
                first.sha256(), AudioFormat.MP3, 180_000, 44_100, 2, 2_880_000, null, null);

        assertThatThrownBy(() -> media.register(network.id(), again))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("the same audio is already " + first.id() + " \"Malaika\" in " + network.id());
        // Another network keeps its own copy.
        assertThat(media.register(fixtures.network().id(), again).sha256()).isEqualTo(first.sha256());
    }

    @Test
    void aFileRegisteredTwiceIsRefused() {
        Network network = fixtures.network();
        MediaAsset first = fixtures.mediaAsset(network);
        MediaAssetDetails samePath = new MediaAssetDetails(null, "Other", MediaKind.MUSIC, null, first.filePath(),
                "f".repeat(64), AudioFormat.MP3, 1_000, 44_100, 2, 16_000, null, null);

        assertThatThrownBy(() -> media.register(fixtures.network().id(), samePath))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage("the file " + first.filePath() + " is already registered as a media asset");
    }

    @Test
    void anAssetOfAMissingNetworkOrAnotherNetworksStationOrUserIsRefused() {
        Network network = fixtures.network();
        Network other = fixtures.network();
        Station elsewhere = fixtures.station(other);
        User outsider = fixtures.user(other);
        MediaAssetDetails details = Fixtures.mediaDetails("Song", MediaKind.MUSIC);

        assertThatThrownBy(() -> media.register(new NetworkId(987_654), details))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("network 987654 does not exist");
        assertThatThrownBy(() -> media.register(network.id(), withStation(details, elsewhere.id())))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> media.register(network.id(), new MediaAssetDetails(null, "Song", MediaKind.MUSIC, null,
                details.filePath(), details.sha256(), AudioFormat.MP3, 1_000, 44_100, 2, 16_000, null, outsider.id())))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(outsider.id() + " does not exist in " + network.id());
        assertThat(media.list(MediaQuery.of(network.id()).includingArchived())).isEmpty();
    }

    @Test
    void detailsAreCheckedBeforeTheDatabaseIsAsked() {
        String pathRule = "media file path must be relative to the media directory (letters, digits, _ . / -, at most 500,"
                + " no \"..\" or \"//\"), got ";
        for (String path : new String[] {"../etc/passwd", "music/../../etc", "/srv/media/a.mp3", "music//a.mp3", "music/a b.mp3", ""}) {
            assertInvalid(() -> details(path, 1_000, 44_100, 1, 10, null), pathRule + "\"" + path + "\"");
        }
        assertInvalid(() -> details("music/a.mp3", 0, 44_100, 1, 10, null), "media duration must be positive, got 0 ms");
        assertInvalid(() -> details("music/a.mp3", 1_000, 7_999, 1, 10, null), "media sample rate must be between 8000 and 192000, got 7999");
        assertInvalid(() -> details("music/a.mp3", 1_000, 44_100, 9, 10, null), "media channels must be between 1 and 8, got 9");
        assertInvalid(() -> details("music/a.mp3", 1_000, 44_100, 1, 0, null), "media size must be positive, got 0 bytes");
        assertInvalid(() -> details("music/a.mp3", 1_000, 44_100, 1, 10, 0.5), "media loudness must be between -70 and 0 LUFS, got 0.5");
        assertInvalid(() -> details("music/a.mp3", 1_000, 44_100, 1, 10, Double.NaN), "media loudness must be between -70 and 0 LUFS, got NaN");
        assertInvalid(() -> new MediaAssetDetails(null, "A", MediaKind.MUSIC, null, "a.mp3", "xyz", AudioFormat.MP3, 1, 8_000, 1, 1,
                null, null), "media sha256 must be 64 hex digits, got \"xyz\"");
        assertInvalid(() -> new MediaAssetDetails(null, "A", MediaKind.MUSIC, "Swahili", "a.mp3", "a".repeat(64), AudioFormat.MP3,
                1, 8_000, 1, 1, null, null), "media language must be a language tag such as en, sw or pt-BR, got \"Swahili\"");
        assertInvalid(() -> new MediaAssetDetails(null, " ", MediaKind.MUSIC, null, "a.mp3", "a".repeat(64), AudioFormat.MP3,
                1, 8_000, 1, 1, null, null), "media title must not be empty");
        assertInvalid(() -> new MediaAssetDetails(null, "A", null, null, "a.mp3", "a".repeat(64), AudioFormat.MP3,
                1, 8_000, 1, 1, null, null), "media kind is required");
        assertInvalid(() -> new MediaAssetDetails(null, "A", MediaKind.MUSIC, null, "a.mp3", "a".repeat(64), null,
                1, 8_000, 1, 1, null, null), "media format is required");
    }

    @Test
    void aPathOfFiveHundredCharactersIsTheLongestTheDatabaseTakes() {
        Network network = fixtures.network();
        MediaAssetDetails details = Fixtures.mediaDetails("Long path", MediaKind.MUSIC);
        String longest = "music/" + "a".repeat(490) + ".mp3";

        MediaAsset created = media.register(network.id(), new MediaAssetDetails(null, "Long path", MediaKind.MUSIC, null, longest,
                details.sha256(), AudioFormat.MP3, 1_000, 44_100, 2, 16_000, null, null));

        assertThat(created.filePath()).hasSize(500);
        assertInvalid(() -> details(longest + "x", 1_000, 44_100, 1, 10, null),
                "media file path must be relative to the media directory (letters, digits, _ . / -, at most 500, no \"..\" or \"//\"),"
                        + " got \"" + longest + "x\"");
    }

    @Test
    void theDatabaseRefusesAPathOutsideTheMediaDirectoryEvenWhenJavaIsBypassed() {
        Network network = fixtures.network();
        for (String path : new String[] {"music/../../etc/passwd", "/etc/passwd", "a//b.mp3", "a".repeat(501)}) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("""
                    insert into media_assets (network_id, title, kind, file_path, sha256, format, duration_ms, sample_rate_hz,
                                              channels, size_bytes)
                    values (?, 'X', 'music', ?, ?, 'mp3', 1000, 8000, 1, 10)
                    """, network.id().value(), path, "e".repeat(64))))
                    .hasMessageContaining("value for domain relative_path violates check constraint");
        }
    }

    @Test
    void listsShowANetworksOrAStationsUsableMediaByTitleWithoutTheArchived() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station otherStation = fixtures.station(network);
        MediaAsset sharedSong = media.register(network.id(), Fixtures.mediaDetails("B shared song", MediaKind.MUSIC));
        MediaAsset ownJingle = media.register(network.id(), withStation(Fixtures.mediaDetails("A own jingle", MediaKind.JINGLE), station.id()));
        MediaAsset otherNews = media.register(network.id(), withStation(Fixtures.mediaDetails("C other news", MediaKind.NEWS), otherStation.id()));
        MediaAsset archivedSong = media.register(network.id(), Fixtures.mediaDetails("D archived song", MediaKind.MUSIC));
        fixtures.mediaAsset(fixtures.network());

        MediaAsset archived = media.archive(archivedSong.id(), ARCHIVED);

        MediaQuery all = MediaQuery.of(network.id());
        assertThat(media.list(all)).containsExactly(ownJingle, sharedSong, otherNews);
        assertThat(media.list(all.includingArchived())).containsExactly(ownJingle, sharedSong, otherNews, archived);
        assertThat(media.list(all.usableOn(station.id()))).containsExactly(ownJingle, sharedSong);
        assertThat(media.list(all.ofKind(MediaKind.MUSIC))).containsExactly(sharedSong);
        assertThat(media.list(all.ofKind(MediaKind.MUSIC).includingArchived())).containsExactly(sharedSong, archived);
        assertThat(media.list(all.usableOn(otherStation.id()).ofKind(MediaKind.NEWS))).containsExactly(otherNews);
    }

    @Test
    void archivingKeepsTheFirstTimeAndUnarchivingBringsTheAssetBack() {
        MediaAsset asset = fixtures.mediaAsset(fixtures.network());

        MediaAsset archived = media.archive(asset.id(), ARCHIVED);
        MediaAsset archivedAgain = media.archive(asset.id(), ARCHIVED.plusSeconds(3600));

        assertThat(archived.archivedAt()).isEqualTo(ARCHIVED);
        assertThat(archivedAgain).isEqualTo(archived);
        assertThat(media.unarchive(asset.id())).isEqualTo(asset);
        assertThatThrownBy(() -> media.archive(asset.id(), null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("the time of archiving is required");
        assertThatThrownBy(() -> media.archive(new MediaAssetId(999_999), ARCHIVED))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("media asset 999999 does not exist");
        assertThatThrownBy(() -> media.unarchive(new MediaAssetId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("media asset 999999 does not exist");
    }

    @Test
    void anUnusedAssetIsDeleted() {
        MediaAsset asset = fixtures.mediaAsset(fixtures.network());

        media.delete(asset.id());

        assertThat(media.find(asset.id())).isEmpty();
        assertThatThrownBy(() -> media.delete(asset.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(asset.id() + " does not exist");
    }

    @Test
    void anAssetStillInAPlaylistCanBeArchivedButNotDeleted() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        MediaAsset asset = fixtures.mediaAsset(network);
        Playlist morning = stores.playlists().create(network.id(), station.id(), "Morning mix", PlaylistKind.PROGRAM);
        Playlist rotation = stores.playlists().create(network.id(), null, "All day", PlaylistKind.ROTATION);
        stores.playlists().replaceItems(morning.id(), List.of(asset.id()));
        stores.playlists().replaceItems(rotation.id(), List.of(asset.id(), asset.id()));

        assertThat(media.archive(asset.id(), ARCHIVED).archived()).isTrue();
        assertThatThrownBy(() -> media.delete(asset.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(asset.id() + " is still in playlists \"All day\" (" + rotation.id() + "), \"Morning mix\" ("
                        + morning.id() + "); take it out of them first");
        assertThat(media.find(asset.id())).isPresent();
    }

    @Test
    void anAssetThatWentOnAirIsNotDeleted() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Program program = fixtures.program(network);
        MediaAsset asset = fixtures.mediaAsset(network);
        jdbi.useHandle(h -> {
            long airing = h.createQuery("""
                    insert into airings (network_id, station_id, program_id, planned_start, planned_end)
                    values (?, ?, ?, '2026-03-02 08:00Z', '2026-03-02 09:00Z') returning id
                    """).bind(0, network.id().value()).bind(1, station.id().value()).bind(2, program.id().value())
                    .mapTo(Long.class).one();
            h.execute("insert into airing_items (airing_id, kind, media_asset_id, started_at) values (?, 'media', ?, '2026-03-02 08:00Z')",
                    airing, asset.id().value());
        });

        assertThatThrownBy(() -> media.delete(asset.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(asset.id() + " went on air and stays in the as-aired log; archive it instead");
    }

    private static MediaAssetDetails withStation(MediaAssetDetails d, StationId station) {
        return new MediaAssetDetails(station, d.title(), d.kind(), d.language(), d.filePath(), d.sha256(), d.format(),
                d.durationMs(), d.sampleRateHz(), d.channels(), d.sizeBytes(), d.loudnessLufs(), d.createdByUserId());
    }

    private static MediaAssetDetails details(String path, int durationMs, int sampleRate, int channels, long size, Double loudness) {
        return new MediaAssetDetails(null, "A", MediaKind.MUSIC, null, path, "a".repeat(64), AudioFormat.MP3, durationMs,
                sampleRate, channels, size, loudness, null);
    }

    private static void assertInvalid(ThrowingCallable build, String message) {
        assertThatThrownBy(build).isInstanceOf(DomainException.Invalid.class).hasMessage(message);
    }
}
