package org.baraza.server.api;

import java.nio.file.Path;
import java.util.Set;

import org.baraza.server.live.LiveBoard;

/** What a route answers, rendered by {@link ConsoleApi} in one place. */
public sealed interface Reply {

    /** A JSON body: an object, a list, a record. */
    record Json(int status, Object body) implements Reply {
    }

    /** 204: done, nothing to say. */
    record NoContent() implements Reply {
    }

    /** A file to save: CSV exports, the API description. */
    record Download(String contentType, String fileName, String body) implements Reply {
    }

    /** A file streamed as it is: a listener's recorded message for the console's audio player. */
    record File(String contentType, Path path) implements Reply {
    }

    /** A stream of server-sent events: the live board's entries for these stations, as they change. */
    record Events(LiveBoard board, Set<Long> stations) implements Reply {
    }

    static Reply ok(Object body) {
        return new Json(200, body);
    }

    static Reply created(Object body) {
        return new Json(201, body);
    }

    static Reply none() {
        return new NoContent();
    }
}
