package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Require;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaQuery;
import org.baraza.core.media.MediaStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiMediaStore implements MediaStore {

    // Kinds and formats are stored in lower case ('listener_message', 'mp3'); reading maps them back by
    // name, ignoring case.
    interface Sql {
        @SqlUpdate("""
                insert into media_assets (network_id, station_id, title, kind, language, file_path, sha256, format, duration_ms,
                                          sample_rate_hz, channels, size_bytes, loudness_lufs, created_by_user_id)
                values (:network, :d.stationId, :d.title, lower(:d.kind), :d.language, :d.filePath, :d.sha256, lower(:d.format),
                        :d.durationMs, :d.sampleRateHz, :d.channels, :d.sizeBytes, :d.loudnessLufs, :d.createdByUserId)
                """)
        @GetGeneratedKeys
        MediaAsset insert(NetworkId network, @BindMethods("d") MediaAssetDetails details);

        @SqlQuery("select * from media_assets where id = :id")
        Optional<MediaAsset> find(MediaAssetId id);

        @SqlQuery("select * from media_assets where network_id = :network and sha256 = :sha256")
        Optional<MediaAsset> findByContent(NetworkId network, String sha256);

        @SqlQuery("""
                select * from media_assets
                 where network_id = :q.networkId
                   and (cast(:q.stationId as bigint) is null or station_id is null or station_id = :q.stationId)
                   and (cast(:q.kind as text) is null or kind = lower(:q.kind))
                   and (:q.includeArchived or archived_at is null)
                 order by title, id
                """)
        List<MediaAsset> list(@BindMethods("q") MediaQuery query);

        @SqlUpdate("update media_assets set archived_at = coalesce(archived_at, :at) where id = :id")
        @GetGeneratedKeys
        Optional<MediaAsset> archive(MediaAssetId id, Instant at);

        @SqlUpdate("update media_assets set archived_at = null where id = :id")
        @GetGeneratedKeys
        Optional<MediaAsset> unarchive(MediaAssetId id);

        @SqlUpdate("delete from media_assets where id = :id")
        int delete(MediaAssetId id);

        @SqlQuery("""
                select '"' || p.name || '" (playlist ' || p.id || ')' from playlists p
                 where p.id in (select playlist_id from playlist_items where media_asset_id = :id) order by p.name, p.id
                """)
        List<String> playlistsHolding(MediaAssetId id);
    }

    private final Sql sql;

    JdbiMediaStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, MediaAsset.class);
    }

    @Override
    public MediaAsset register(NetworkId network, MediaAssetDetails details) {
        return Constraints.on("media_assets_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("media_assets_station_fk", () -> new DomainException.NotFound(details.stationId() + " does not exist in " + network))
                .and("media_assets_user_fk", () -> new DomainException.NotFound(details.createdByUserId() + " does not exist in " + network))
                .and("media_assets_content_unique", () -> sameContent(network, details))
                .and("media_assets_file_unique", () -> new DomainException.AlreadyExists(
                        "the file " + details.filePath() + " is already registered as a media asset"))
                .run(() -> sql.insert(network, details));
    }

    @Override
    public Optional<MediaAsset> find(MediaAssetId id) {
        return sql.find(id);
    }

    @Override
    public MediaAsset get(MediaAssetId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<MediaAsset> list(MediaQuery query) {
        return sql.list(query);
    }

    @Override
    public MediaAsset archive(MediaAssetId id, Instant at) {
        Require.present("the time of archiving", at);
        return sql.archive(id, at).orElseThrow(() -> notFound(id));
    }

    @Override
    public MediaAsset unarchive(MediaAssetId id) {
        return sql.unarchive(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public void delete(MediaAssetId id) {
        int deleted = Constraints.on("playlist_items_media_fk", () -> new DomainException.InUse(
                        id + " is still in playlists " + String.join(", ", sql.playlistsHolding(id)) + "; take it out of them first"))
                .and("airing_items_media_fk", () -> new DomainException.InUse(
                        id + " went on air and stays in the as-aired log; archive it instead"))
                .run(() -> sql.delete(id));
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    /** Names the asset that already has this content, so that the uploader can find it. */
    private DomainException sameContent(NetworkId network, MediaAssetDetails details) {
        return new DomainException.AlreadyExists(sql.findByContent(network, details.sha256())
                .map(existing -> "the same audio is already " + existing.id() + " \"" + existing.title() + "\" in " + network)
                .orElse("the same audio is already a media asset in " + network));
    }

    private static DomainException notFound(MediaAssetId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}
