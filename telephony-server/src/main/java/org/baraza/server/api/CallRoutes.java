package org.baraza.server.api;

import static org.baraza.server.api.AiringRoutes.value;
import static org.baraza.server.auth.Permission.MANAGE;

import java.time.Duration;
import java.util.List;

import org.baraza.core.call.Call;
import org.baraza.core.call.CallDetail;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;

/**
 * The call log: a station's calls in a window, optionally from or to one number (JSON or CSV), and one call with
 * its legs. Caller ids are listeners' text, exactly as delivered.
 */
final class CallRoutes {

    private static final List<String> CSV_HEADER = List.of("call", "station", "airing", "direction", "from", "to", "started_at",
            "answered_at", "ended_at", "disposition");

    private final Stores stores;
    private final Locate locate;

    CallRoutes(Stores stores, Locate locate) {
        this.stores = stores;
        this.locate = locate;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/calls", MANAGE, locate::station, request -> Reply.ok(list(request))),
                ApiRoute.get("/api/stations/{station}/calls.csv", MANAGE, locate::station, this::csv),
                ApiRoute.get("/api/calls/{call}", MANAGE, locate::call, request -> Reply.ok(request.found(CallDetail.class))));
    }

    private List<Call> list(ApiRequest request) {
        Window window = Window.of(request, Duration.ofDays(1), Duration.ofDays(1));
        return stores.calls().list(request.found(Station.class).id(), window.from(), window.to(), request.query("number"));
    }

    private Reply csv(ApiRequest request) {
        List<List<Object>> rows = list(request).stream().map(call -> List.<Object>of(call.id(), call.stationId().value(),
                call.airingId() == null ? "" : call.airingId().value(), call.direction().name().toLowerCase(java.util.Locale.ROOT),
                value(call.fromNumber()), value(call.toNumber()), call.startedAt(), value(call.answeredAt()), value(call.endedAt()),
                call.disposition() == null ? "" : call.disposition().name().toLowerCase(java.util.Locale.ROOT))).toList();
        return new Reply.Download("text/csv; charset=utf-8", "calls-" + request.found(Station.class).slug() + ".csv",
                Csv.write(CSV_HEADER, rows));
    }
}
