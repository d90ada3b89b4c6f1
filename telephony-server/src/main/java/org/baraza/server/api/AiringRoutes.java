package org.baraza.server.api;

import static org.baraza.server.auth.Permission.PRESENT;

import java.time.Duration;
import java.util.List;

import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.airing.AiringNote;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;

/** The as-aired log: a station's airings in a window (JSON or CSV), and one airing with its gaps, items and notes. */
final class AiringRoutes {

    record AiringDetail(Airing airing, List<AiringGap> gaps, List<AiringItem> items, List<AiringNote> notes) {
    }

    private static final List<String> CSV_HEADER = List.of("airing", "station", "program", "schedule", "planned_start",
            "planned_end", "actual_start", "actual_end", "status", "failure_cause", "gaps", "silent_seconds");

    private final Stores stores;
    private final Locate locate;

    AiringRoutes(Stores stores, Locate locate) {
        this.stores = stores;
        this.locate = locate;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/stations/{station}/airings", PRESENT, locate::station, request -> Reply.ok(list(request))),
                ApiRoute.get("/api/stations/{station}/airings.csv", PRESENT, locate::station, this::csv),
                ApiRoute.get("/api/airings/{airing}", PRESENT, locate::airing, this::detail));
    }

    private List<Airing> list(ApiRequest request) {
        Window window = Window.of(request, Duration.ofDays(7), Duration.ofDays(7));
        return stores.airings().list(request.found(Station.class).id(), window.from(), window.to());
    }

    private Reply csv(ApiRequest request) {
        List<List<Object>> rows = list(request).stream().map(airing -> {
            List<AiringGap> gaps = stores.airings().gaps(airing.id());
            long silent = gaps.stream().filter(gap -> gap.endedAt() != null)
                    .mapToLong(gap -> Duration.between(gap.startedAt(), gap.endedAt()).toSeconds()).sum();
            return List.<Object>of(airing.id().value(), airing.stationId().value(), airing.programId().value(),
                    airing.scheduleId() == null ? "" : airing.scheduleId().value(), airing.plannedStart(), airing.plannedEnd(),
                    value(airing.actualStart()), value(airing.actualEnd()), airing.status().label(), value(airing.failureCause()),
                    gaps.size(), silent);
        }).toList();
        return new Reply.Download("text/csv; charset=utf-8", "airings-" + request.found(Station.class).slug() + ".csv",
                Csv.write(CSV_HEADER, rows));
    }

    private Reply detail(ApiRequest request) {
        Airing airing = request.found(Airing.class);
        return Reply.ok(new AiringDetail(airing, stores.airings().gaps(airing.id()), stores.airings().items(airing.id()),
                stores.airings().notes(airing.id())));
    }

    static Object value(Object nullable) {
        return nullable == null ? "" : nullable;
    }
}
