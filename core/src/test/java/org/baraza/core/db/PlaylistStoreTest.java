package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistItem;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.media.PlaylistStore;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PlaylistStoreTest {

    private final Stores stores;
    private final PlaylistStore playlists;
    private final Fixtures fixtures;

    PlaylistStoreTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.playlists = stores.playlists();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void sharedAndStationPlaylistsAreStoredAndListedByName() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);

        Playlist rotation = playlists.create(network.id(), null, " Daytime rotation ", PlaylistKind.ROTATION);
        Playlist jingles = playlists.create(network.id(), station.id(), "Jingles", PlaylistKind.JINGLES);
        playlists.create(fixtures.network().id(), null, "Elsewhere", PlaylistKind.PROGRAM);

        assertThat(rotation).extracting(Playlist::networkId, Playlist::stationId, Playlist::name, Playlist::kind)
                .containsExactly(network.id(), null, "Daytime rotation", PlaylistKind.ROTATION);
        assertThat(jingles.stationId()).isEqualTo(station.id());
        assertThat(playlists.get(jingles.id())).isEqualTo(jingles);
        assertThat(playlists.list(network.id())).containsExactly(rotation, jingles);
    }

    @Test
    void aNameIsTakenOncePerStationAndOnceAmongSharedPlaylists() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        playlists.create(network.id(), null, "Morning", PlaylistKind.PROGRAM);
        playlists.create(network.id(), station.id(), "Morning", PlaylistKind.PROGRAM);

        assertThatThrownBy(() -> playlists.create(network.id(), null, "Morning", PlaylistKind.ROTATION))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(network.id() + " already has a shared playlist named \"Morning\"");
        assertThatThrownBy(() -> playlists.create(network.id(), station.id(), "Morning", PlaylistKind.ROTATION))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(station.id() + " already has a playlist named \"Morning\"");
    }

    @Test
    void aPlaylistOfAMissingNetworkOrAnotherNetworksStationIsRefused() {
        Network network = fixtures.network();
        Station elsewhere = fixtures.station(fixtures.network());

        assertThatThrownBy(() -> playlists.create(new NetworkId(987_654), null, "Ghost", PlaylistKind.PROGRAM))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("network 987654 does not exist");
        assertThatThrownBy(() -> playlists.create(network.id(), elsewhere.id(), "Ghost", PlaylistKind.PROGRAM))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> playlists.create(network.id(), null, "  ", PlaylistKind.PROGRAM))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("playlist name must not be empty");
        assertThatThrownBy(() -> playlists.create(network.id(), null, "Ghost", null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("playlist kind is required");
    }

    @Test
    void renamingKeepsTheScopeRule() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Playlist morning = playlists.create(network.id(), station.id(), "Morning", PlaylistKind.PROGRAM);
        playlists.create(network.id(), station.id(), "Evening", PlaylistKind.PROGRAM);

        Playlist renamed = playlists.rename(morning.id(), "Breakfast");

        assertThat(renamed.name()).isEqualTo("Breakfast");
        assertThat(renamed.updatedAt()).isAfterOrEqualTo(morning.updatedAt());
        assertThatThrownBy(() -> playlists.rename(morning.id(), "Evening"))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(station.id() + " already has a playlist named \"Evening\"");
        assertThatThrownBy(() -> playlists.rename(new PlaylistId(999_999), "Evening"))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("playlist 999999 does not exist");
    }

    @Test
    void itemsAreReplacedWholeAndReadInOrderWithWhatPlayingNeeds() {
        Network network = fixtures.network();
        MediaAsset song = fixtures.mediaAsset(network);
        MediaAsset jingle = fixtures.mediaAsset(network);
        Playlist playlist = playlists.create(network.id(), null, "Rotation", PlaylistKind.ROTATION);

        playlists.replaceItems(playlist.id(), List.of(jingle.id(), song.id(), jingle.id()));

        assertThat(playlists.items(playlist.id())).containsExactly(
                item(1, jingle, false), item(2, song, false), item(3, jingle, false));

        stores.media().archive(song.id(), Instant.parse("2026-03-02T10:00:00Z"));
        playlists.replaceItems(playlist.id(), List.of(song.id()));

        assertThat(playlists.items(playlist.id())).containsExactly(item(1, song, true));

        playlists.replaceItems(playlist.id(), List.of());

        assertThat(playlists.items(playlist.id())).isEmpty();
    }

    @Test
    void mediaOfAnotherNetworkOrMissingIsRefusedAndNothingChanges() {
        Network network = fixtures.network();
        MediaAsset song = fixtures.mediaAsset(network);
        MediaAsset foreign = fixtures.mediaAsset(fixtures.network());
        Playlist playlist = playlists.create(network.id(), null, "Rotation", PlaylistKind.ROTATION);
        playlists.replaceItems(playlist.id(), List.of(song.id()));

        assertThatThrownBy(() -> playlists.replaceItems(playlist.id(), List.of(song.id(), foreign.id())))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(foreign.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> playlists.replaceItems(playlist.id(), List.of(new MediaAssetId(999_999))))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("media asset 999999 does not exist in " + network.id());
        assertThatThrownBy(() -> playlists.replaceItems(new PlaylistId(999_999), List.of(song.id())))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("playlist 999999 does not exist");
        assertThatThrownBy(() -> playlists.replaceItems(playlist.id(), Arrays.asList(song.id(), null)))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("a playlist item must name a media asset");
        assertThat(playlists.items(playlist.id())).containsExactly(item(1, song, false));
    }

    @Test
    void deletingAPlaylistRemovesItsItemsAndLeavesItsFillerStationWithoutOne() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        MediaAsset song = fixtures.mediaAsset(network);
        Playlist filler = playlists.create(network.id(), station.id(), "Filler", PlaylistKind.ROTATION);
        playlists.replaceItems(filler.id(), List.of(song.id()));
        stores.stations().update(station.id(), station.settings().withFillerPlaylist(filler.id()));

        playlists.delete(filler.id());

        assertThat(playlists.find(filler.id())).isEmpty();
        assertThat(playlists.items(filler.id())).isEmpty();
        assertThat(stores.stations().get(station.id()).fillerPlaylistId()).isNull();
        // The media stays, and can now be deleted.
        stores.media().delete(song.id());
        assertThatThrownBy(() -> playlists.delete(filler.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(filler.id() + " does not exist");
    }

    private static PlaylistItem item(int position, MediaAsset asset, boolean archived) {
        return new PlaylistItem(position, asset.id(), asset.title(), asset.filePath(), asset.format(), asset.durationMs(), archived);
    }
}
