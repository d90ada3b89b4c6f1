package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.NETWORK_ADMIN;

import java.util.List;
import java.util.Locale;

import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.MediaQuery;
import org.baraza.core.media.Playlist;
import org.baraza.core.media.PlaylistItem;
import org.baraza.core.media.PlaylistKind;
import org.baraza.core.station.Station;

/**
 * Media and playlists: a station's own (its manager's) and the network's shared ones (its admin's). Posting media
 * as JSON registers a file already in the media directory, with what was measured of it; posting it as
 * {@code multipart/form-data} uploads a file, converted for telephony and stored ({@link MediaUploads}).
 */
final class MediaRoutes {

    record MediaBody(String title, MediaKind kind, String language, String filePath, String sha256, AudioFormat format,
                     int durationMs, int sampleRateHz, int channels, long sizeBytes, Double loudnessLufs) {
        MediaAssetDetails details(StationId station, UserId by) {
            return new MediaAssetDetails(station, title, kind, language, filePath, sha256, format, durationMs, sampleRateHz, channels,
                    sizeBytes, loudnessLufs, by);
        }
    }

    record PlaylistBody(String name, PlaylistKind kind) {
    }

    record ItemsBody(List<Long> media) {
    }

    record PlaylistDetail(Playlist playlist, List<PlaylistItem> items) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;
    private final MediaUploads uploads;

    MediaRoutes(Stores stores, Locate locate, Audit audit, MediaUploads uploads) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
        this.uploads = uploads;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/media", NETWORK_ADMIN, locate::network, request -> Reply.ok(stores.media().list(query(request, null)))),
                ApiRoute.post("/api/media", NETWORK_ADMIN, locate::network, request -> register(request, null)),
                ApiRoute.get("/api/stations/{station}/media", MANAGE, locate::station,
                        request -> Reply.ok(stores.media().list(query(request, request.found(Station.class).id())))),
                ApiRoute.post("/api/stations/{station}/media", MANAGE, locate::station,
                        request -> register(request, request.found(Station.class).id())),
                ApiRoute.get("/api/media/{media}", MANAGE, locate::media, request -> Reply.ok(request.found(MediaAsset.class))),
                ApiRoute.get("/api/media/{media}/audio", MANAGE, locate::media, uploads::audio),
                ApiRoute.post("/api/media/{media}/archive", MANAGE, locate::media, request -> archive(request, true)),
                ApiRoute.post("/api/media/{media}/unarchive", MANAGE, locate::media, request -> archive(request, false)),
                ApiRoute.delete("/api/media/{media}", MANAGE, locate::media, this::deleteMedia),
                ApiRoute.get("/api/playlists", NETWORK_ADMIN, locate::network,
                        request -> Reply.ok(stores.playlists().list(request.scope().network()))),
                ApiRoute.post("/api/playlists", NETWORK_ADMIN, locate::network, request -> createPlaylist(request, null)),
                ApiRoute.get("/api/stations/{station}/playlists", MANAGE, locate::station, this::stationPlaylists),
                ApiRoute.post("/api/stations/{station}/playlists", MANAGE, locate::station,
                        request -> createPlaylist(request, request.found(Station.class).id())),
                ApiRoute.get("/api/playlists/{playlist}", MANAGE, locate::playlist, request -> Reply.ok(detail(request.found(Playlist.class)))),
                ApiRoute.put("/api/playlists/{playlist}", MANAGE, locate::playlist, this::rename),
                ApiRoute.put("/api/playlists/{playlist}/items", MANAGE, locate::playlist, this::replaceItems),
                ApiRoute.delete("/api/playlists/{playlist}", MANAGE, locate::playlist, this::deletePlaylist));
    }

    private static MediaQuery query(ApiRequest request, StationId station) {
        MediaQuery query = new MediaQuery(request.scope().network(), station, null, "true".equals(request.query("archived")));
        String kind = request.query("kind");
        if (kind == null) {
            return query;
        }
        try {
            return query.ofKind(MediaKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("kind must be one of " + List.of(MediaKind.values()) + ", got \"" + kind + "\"");
        }
    }

    private Reply register(ApiRequest request, StationId station) {
        if (MediaUploads.isUpload(request.context())) {
            return uploads.upload(request, station);
        }
        MediaAssetDetails details = request.body(MediaBody.class).details(station, request.principal().user().id());
        MediaAsset media = stores.media().register(request.scope().network(), details);
        audit.record(request, "media.register", "media", media.id().value(), null, media);
        return Reply.created(media);
    }

    private Reply archive(ApiRequest request, boolean archive) {
        MediaAsset before = request.found(MediaAsset.class);
        MediaAsset after = archive ? stores.media().archive(before.id(), request.now()) : stores.media().unarchive(before.id());
        audit.record(request, archive ? "media.archive" : "media.unarchive", "media", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply deleteMedia(ApiRequest request) {
        MediaAsset media = request.found(MediaAsset.class);
        stores.media().delete(media.id());
        audit.record(request, "media.delete", "media", media.id().value(), media, null);
        return Reply.none();
    }

    private Reply stationPlaylists(ApiRequest request) {
        StationId station = request.found(Station.class).id();
        return Reply.ok(stores.playlists().list(request.scope().network()).stream()
                .filter(p -> p.stationId() == null || p.stationId().equals(station)).toList());
    }

    private Reply createPlaylist(ApiRequest request, StationId station) {
        PlaylistBody body = request.body(PlaylistBody.class);
        Playlist playlist = stores.playlists().create(request.scope().network(), station, body.name(),
                body.kind() == null ? PlaylistKind.PROGRAM : body.kind());
        audit.record(request, "playlist.create", "playlist", playlist.id().value(), null, playlist);
        return Reply.created(playlist);
    }

    private Reply rename(ApiRequest request) {
        Playlist before = request.found(Playlist.class);
        Playlist after = stores.playlists().rename(before.id(), request.body(PlaylistBody.class).name());
        audit.record(request, "playlist.rename", "playlist", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply replaceItems(ApiRequest request) {
        Playlist playlist = request.found(Playlist.class);
        List<Long> media = request.body(ItemsBody.class).media();
        PlaylistDetail before = detail(playlist);
        stores.playlists().replaceItems(playlist.id(), media == null ? List.of() : media.stream().map(MediaAssetId::new).toList());
        PlaylistDetail after = detail(playlist);
        audit.record(request, "playlist.items", "playlist", playlist.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply deletePlaylist(ApiRequest request) {
        Playlist playlist = request.found(Playlist.class);
        stores.playlists().delete(playlist.id());
        audit.record(request, "playlist.delete", "playlist", playlist.id().value(), playlist, null);
        return Reply.none();
    }

    private PlaylistDetail detail(Playlist playlist) {
        return new PlaylistDetail(playlist, stores.playlists().items(playlist.id()));
    }
}
