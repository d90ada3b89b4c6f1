package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.NETWORK_ADMIN;

import java.time.Duration;
import java.util.List;

import org.baraza.core.audit.AuditEntry;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;

/** The audit log: the network's (its admin's) and a station's (its manager's), newest first, within a window. */
final class AuditRoutes {

    private static final int MOST = 1000;

    private final Stores stores;
    private final Locate locate;

    AuditRoutes(Stores stores, Locate locate) {
        this.stores = stores;
        this.locate = locate;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/audit", NETWORK_ADMIN, locate::network, request -> Reply.ok(entries(request))),
                ApiRoute.get("/api/stations/{station}/audit", MANAGE, locate::station, request -> {
                    Station station = request.found(Station.class);
                    return Reply.ok(entries(request).stream().filter(entry -> station.id().equals(entry.stationId())).toList());
                }));
    }

    private List<AuditEntry> entries(ApiRequest request) {
        Window window = Window.of(request, Duration.ofDays(7), Duration.ofMinutes(1));
        return stores.audit().list(request.scope().network(), window.from(), window.to(), request.limit(200, MOST));
    }
}
