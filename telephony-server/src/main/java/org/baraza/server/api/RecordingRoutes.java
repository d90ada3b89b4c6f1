package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.baraza.core.db.Stores;
import org.baraza.core.recording.Recording;
import org.baraza.core.station.Station;

/** The moderation queue: listeners' messages waiting on a station, approved or rejected once, by whom is kept. */
final class RecordingRoutes {

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;
    private final Path recordingsDir;

    RecordingRoutes(Stores stores, Locate locate, Audit audit, Path recordingsDir) {
        this.stores = stores;
        this.recordingsDir = recordingsDir.toAbsolutePath().normalize();
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
        Path file = recordingsDir.resolve(request.found(Recording.class).filePath()).normalize();
        if (!file.startsWith(recordingsDir) || !Files.isRegularFile(file)) {
            throw ApiProblem.notFound("the recording's audio file is missing");
        }
        return new Reply.File("audio/wav", file);
    }

    private Reply moderate(ApiRequest request, boolean approve) {
        Recording before = request.found(Recording.class);
        var user = request.principal().user().id();
        Recording after = approve
                ? stores.recordings().approve(before.id(), user, request.now(), null)
                : stores.recordings().reject(before.id(), user, request.now());
        audit.record(request, approve ? "recording.approve" : "recording.reject", "recording", after.id().value(), before, after);
        return Reply.ok(after);
    }
}
