package org.baraza.server.api;

import static org.baraza.server.auth.Permission.SIGNED_IN;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.baraza.core.db.Stores;
import org.baraza.server.live.LiveBoard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

/**
 * The live board: {@code GET /api/live} streams, as server-sent events named {@code station}, every station the
 * user may see as its daemon reports it (all of them at once, then each change), until the browser leaves. A
 * browser's {@code EventSource} reconnects by itself and starts again from the whole board.
 */
final class LiveRoutes {

    private static final ObjectMapper JSON = ApiJson.mapper();

    private final Stores stores;
    private final Locate locate;
    private final LiveBoard board;

    LiveRoutes(Stores stores, Locate locate, LiveBoard board) {
        this.stores = stores;
        this.locate = locate;
        this.board = board;
    }

    List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/live", SIGNED_IN, locate::network, this::live));
    }

    private Reply live(ApiRequest request) {
        Set<Long> stations = StationRoutes.visible(stores, request.principal()).stream()
                .map(station -> station.id().value()).collect(Collectors.toUnmodifiableSet());
        return new Reply.Events(board, stations);
    }

    /** Holds the response open as an event stream and hands it to the board. */
    static void stream(Context ctx, LiveBoard board, Set<Long> stations) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            ctx.status(406).json(Map.of("error", "the live board is an event stream: ask with Accept: text/event-stream"));
            return;
        }
        new SseHandler(0, client -> {
            client.keepAlive();
            LiveBoard.Watching watching = board.watch(stations, new LiveBoard.Watcher() {
                @Override
                public boolean send(LiveBoard.Entry entry) {
                    client.sendEvent("station", json(entry));
                    return !client.terminated();
                }

                @Override
                public boolean keepAlive() {
                    client.sendComment("still here");
                    return !client.terminated();
                }

                @Override
                public void ended() {
                    client.close();
                }
            });
            client.onClose(watching::close);
            if (stations.isEmpty()) {
                client.sendComment("no stations to show");
            }
        }).handle(ctx);
    }

    private static String json(LiveBoard.Entry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
