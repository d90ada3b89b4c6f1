package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.db.Stores;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.Playlist;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.Recording;
import org.baraza.core.station.Station;
import org.baraza.server.media.MediaLibrary;
import org.baraza.server.media.SoxConverter;

/**
 * The moderation queue: listeners' messages waiting on a station, approved or rejected once, by whom is kept. A
 * message approved into a playlist (the station's filler, a show's running order) becomes a media asset through the
 * media library, as an upload does (converted for telephony and loudness-normalised with sox, placed under a name of
 * its own); the asset, its place at the end of the playlist and the approval are written in one transaction, and
 * when anything fails the placed file is removed.
 */
final class RecordingRoutes {

    /** @param playlist where the approved message goes to be played on air; null to approve it only */
    record ApproveBody(Long playlist) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;
    private final Path recordingsDir;
    private final MediaLibrary library;

    RecordingRoutes(Stores stores, Locate locate, Audit audit, Path recordingsDir, MediaLibrary library) {
        this.stores = stores;
        this.recordingsDir = recordingsDir.toAbsolutePath().normalize();
        this.library = library;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/recordings/pending", MANAGE, locate::station,
                        request -> Reply.ok(stores.recordings().pending(request.found(Station.class).id()))),
                ApiRoute.get("/api/recordings/{recording}", MANAGE, locate::recording, request -> Reply.ok(request.found(Recording.class))),
                ApiRoute.get("/api/recordings/{recording}/audio", MANAGE, locate::recording, this::audio),
                ApiRoute.post("/api/recordings/{recording}/approve", MANAGE, locate::recording, request -> moderate(request, true)),
                ApiRoute.post("/api/recordings/{recording}/reject", MANAGE, locate::recording, request -> moderate(request, false)));
    }

    /** The recorded WAV, for the console's player; 404 when its file is gone (or would lie outside the directory). */
    private Reply audio(ApiRequest request) {
        return new Reply.File("audio/wav", fileOf(request.found(Recording.class)));
    }

    private Path fileOf(Recording recording) {
        Path file = recordingsDir.resolve(recording.filePath()).normalize();
        if (!file.startsWith(recordingsDir) || !Files.isRegularFile(file)) {
            throw ApiProblem.notFound("the recording's audio file is missing");
        }
        return file;
    }

    private Reply moderate(ApiRequest request, boolean approve) {
        Recording before = request.found(Recording.class);
        UserId user = request.principal().user().id();
        Long playlist = approve ? request.optionalBody(ApproveBody.class).map(ApproveBody::playlist).orElse(null) : null;
        Recording after = !approve ? stores.recordings().reject(before.id(), user, request.now())
                : playlist == null ? stores.recordings().approve(before.id(), user, request.now(), null)
                : approveInto(request, before, playlistFor(request, before, new PlaylistId(playlist)));
        audit.record(request, approve ? "recording.approve" : "recording.reject", "recording", after.id().value(), before, after);
        return Reply.ok(after);
    }

    /** The playlist, when the user may add to it: one of the message's station, or the network's for its admin. */
    private Playlist playlistFor(ApiRequest request, Recording recording, PlaylistId id) {
        Playlist playlist = stores.playlists().find(id).filter(found -> found.networkId().equals(request.principal().network()))
                .orElseThrow(() -> ApiProblem.notFound("no playlist " + id.value()));
        boolean stations = recording.stationId().equals(playlist.stationId());
        if (!stations && !(playlist.stationId() == null && request.principal().isNetworkAdmin())) {
            throw ApiProblem.badRequest("playlist " + id.value() + " is not one of the message's station");
        }
        return playlist;
    }

    /**
     * The message through the media library, as an upload would go (converted for telephony, loudness-normalised,
     * placed under a name of its own), its row written with the approval and its place in the playlist.
     */
    private Recording approveInto(ApiRequest request, Recording recording, Playlist playlist) {
        Path source = fileOf(recording);
        UserId by = request.principal().user().id();
        // The caller id is untrusted text: named only when it is a plain number.
        String number = recording.callerNumber();
        String title = "Listener message " + recording.id().value()
                + (number != null && number.matches("\\+?[0-9]{3,20}") ? " from " + number : "")
                + " (" + recording.createdAt().truncatedTo(ChronoUnit.MINUTES) + ")";
        MediaLibrary.Upload upload = new MediaLibrary.Upload(request.principal().network(), recording.stationId(), title,
                MediaKind.LISTENER_MESSAGE, null, SoxConverter.InputFormat.WAV, by);
        try (InputStream content = Files.newInputStream(source)) {
            return library.add(upload, content, details -> stores.recordings().approveInto(recording.id(), by, request.now(),
                    request.principal().network(), details, playlist.id()));
        } catch (SoxConverter.Unavailable e) {
            throw ApiProblem.withStatus(503, "this server cannot convert audio now: " + e.getMessage());
        } catch (DomainException.Invalid e) {
            throw ApiProblem.badRequest("the message's audio cannot be used on air: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
