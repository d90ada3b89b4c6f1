package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.baraza.core.Ids.PlaylistId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.Playlist;
import org.baraza.core.recording.Moderation;
import org.baraza.core.recording.Recording;
import org.baraza.core.station.Station;

/**
 * The moderation queue: listeners' messages waiting on a station, approved or rejected once, by whom is kept. A
 * message approved into a playlist (the station's filler, a show's running order) becomes a media asset: its file is
 * copied into the media directory, then the asset, its place at the end of the playlist and the approval are written
 * in one transaction; when that fails the copy is removed.
 */
final class RecordingRoutes {

    /** @param playlist where the approved message goes to be played on air; null to approve it only */
    record ApproveBody(Long playlist) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;
    private final Path recordingsDir;
    private final Path mediaDir;

    RecordingRoutes(Stores stores, Locate locate, Audit audit, Path recordingsDir, Path mediaDir) {
        this.stores = stores;
        this.recordingsDir = recordingsDir.toAbsolutePath().normalize();
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
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

    private Recording approveInto(ApiRequest request, Recording recording, Playlist playlist) {
        if (recording.moderation() != Moderation.PENDING) {
            // Refused before any file is touched (the store refuses it again, in its transaction, if this races).
            stores.recordings().approve(recording.id(), request.principal().user().id(), request.now(), null);
        }
        Path source = fileOf(recording);
        Path target = null;
        try {
            // A name of its own: an approval that fails removes its copy and nobody else's.
            Path folder = Files.createDirectories(mediaDir.resolve("listener-messages").resolve("s" + recording.stationId().value()));
            target = Files.createTempFile(folder, "message-" + recording.id().value() + "-", ".wav");
            String relative = mediaDir.relativize(target).toString().replace('\\', '/');
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            if (Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // Temporary files are the owner's alone; FreeSWITCH, another user, must read this one.
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            }
            MediaAssetDetails details = describe(recording, relative, target, request.principal().user().id());
            return stores.recordings().approveInto(recording.id(), request.principal().user().id(), request.now(),
                    request.principal().network(), details, playlist.id());
        } catch (IOException | UnsupportedAudioFileException e) {
            deleteQuietly(target);
            throw ApiProblem.badRequest("the message's audio cannot be used on air: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /** What the copied WAV is, as Java's audio system reads its header, and its checksum. */
    private static MediaAssetDetails describe(Recording recording, String relative, Path file, UserId by)
            throws IOException, UnsupportedAudioFileException {
        AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
        float rate = format.getFormat().getSampleRate();
        long millis = format.getFrameLength() <= 0 || rate <= 0 ? 0 : (long) (format.getFrameLength() * 1000L / rate);
        if (millis <= 0) {
            throw new IOException("it holds no audio");
        }
        // The caller id is untrusted text: named only when it is a plain number.
        String number = recording.callerNumber();
        String title = "Listener message " + recording.id().value()
                + (number != null && number.matches("\\+?[0-9]{3,20}") ? " from " + number : "")
                + " (" + recording.createdAt().truncatedTo(ChronoUnit.MINUTES) + ")";
        return new MediaAssetDetails(recording.stationId(), title, MediaKind.LISTENER_MESSAGE, null, relative, sha256(file),
                AudioFormat.WAV, Math.toIntExact(millis), Math.round(rate), format.getFormat().getChannels(), Files.size(file),
                null, by);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left for an operator: an unregistered file plays nowhere.
        }
    }
}
