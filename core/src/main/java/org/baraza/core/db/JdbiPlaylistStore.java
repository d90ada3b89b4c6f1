package org.baraza.core.db;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistItem;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.media.PlaylistStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiPlaylistStore implements PlaylistStore {

    // Kinds are stored in lower case ('rotation'); reading maps them back by name, ignoring case.
    interface Sql {
        @SqlUpdate("insert into playlists (network_id, station_id, name, kind) values (:network, :station, :name, lower(:kind))")
        @GetGeneratedKeys
        Playlist insert(NetworkId network, StationId station, String name, PlaylistKind kind);

        @SqlUpdate("update playlists set name = :name where id = :id")
        @GetGeneratedKeys
        Optional<Playlist> rename(PlaylistId id, String name);

        @SqlQuery("select * from playlists where id = :id")
        Optional<Playlist> find(PlaylistId id);

        @SqlQuery("select * from playlists where network_id = :network order by name, station_id nulls first, id")
        List<Playlist> list(NetworkId network);

        // Locks the playlist against a concurrent replacement and marks it changed.
        @SqlQuery("update playlists set updated_at = now() where id = :id returning network_id")
        Optional<NetworkId> touch(PlaylistId id);

        // "for key share" keeps the assets from being deleted before the items referring to them are in.
        @SqlQuery("select id from media_assets where network_id = :network and id in (<media>) for key share")
        Set<MediaAssetId> presentMedia(NetworkId network, @BindList("media") Set<MediaAssetId> media);

        @SqlUpdate("delete from playlist_items where playlist_id = :id")
        void deleteItems(PlaylistId id);

        @SqlBatch("insert into playlist_items (playlist_id, network_id, position, media_asset_id) values (:id, :network, :position, :media)")
        void insertItems(PlaylistId id, NetworkId network, List<Integer> position, List<MediaAssetId> media);

        @Transaction
        default void replaceItems(PlaylistId id, List<MediaAssetId> media) {
            NetworkId network = touch(id).orElseThrow(() -> notFound(id));
            OrderedReferences.requireAllIn(network, media, wanted -> presentMedia(network, wanted));
            deleteItems(id);
            if (!media.isEmpty()) {
                insertItems(id, network, OrderedReferences.positions(media), media);
            }
        }

        @SqlQuery("""
                select i.position, i.media_asset_id, m.title, m.file_path, m.format, m.duration_ms, m.archived_at is not null as archived
                  from playlist_items i join media_assets m on m.id = i.media_asset_id
                 where i.playlist_id = :id
                 order by i.position
                """)
        List<PlaylistItem> items(PlaylistId id);

        @SqlUpdate("delete from playlists where id = :id")
        int delete(PlaylistId id);
    }

    private final Sql sql;

    JdbiPlaylistStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Playlist.class, PlaylistItem.class);
    }

    @Override
    public Playlist create(NetworkId network, StationId station, String name, PlaylistKind kind) {
        String checkedName = Require.displayName("playlist name", name);
        Require.present("playlist kind", kind);
        return Constraints.on("playlists_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("playlists_station_fk", () -> new DomainException.NotFound(station + " does not exist in " + network))
                .and("playlists_name_unique", () -> nameTaken(network, station, checkedName))
                .run(() -> sql.insert(network, station, checkedName, kind));
    }

    @Override
    public Playlist rename(PlaylistId id, String name) {
        String checkedName = Require.displayName("playlist name", name);
        Playlist playlist = get(id);
        return Constraints.on("playlists_name_unique", () -> nameTaken(playlist.networkId(), playlist.stationId(), checkedName))
                .run(() -> sql.rename(id, checkedName))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Playlist> find(PlaylistId id) {
        return sql.find(id);
    }

    @Override
    public Playlist get(PlaylistId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Playlist> list(NetworkId network) {
        return sql.list(network);
    }

    @Override
    public void replaceItems(PlaylistId id, List<MediaAssetId> media) {
        Require.present("playlist items", media);
        if (media.stream().anyMatch(Objects::isNull)) {
            throw new DomainException.Invalid("a playlist item must name a media asset");
        }
        sql.replaceItems(id, List.copyOf(media));
    }

    @Override
    public List<PlaylistItem> items(PlaylistId id) {
        return sql.items(id);
    }

    @Override
    public void delete(PlaylistId id) {
        if (sql.delete(id) == 0) {
            throw notFound(id);
        }
    }

    private static DomainException nameTaken(NetworkId network, StationId station, String name) {
        String owner = station == null ? network + " already has a shared playlist" : station + " already has a playlist";
        return new DomainException.AlreadyExists(owner + " named \"" + name + "\"");
    }

    private static DomainException notFound(PlaylistId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}
