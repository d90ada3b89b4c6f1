package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.NETWORK_ADMIN;

import java.util.List;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.people.HostDetails;
import org.baraza.core.people.Pin;
import org.baraza.core.station.Station;

/**
 * Hosts: the network's (its admin manages them), and a station's (its manager adds new hosts to it and assigns
 * or removes the network's hosts). A PIN goes in and never comes out: a host shows only whether they have one.
 */
final class HostRoutes {

    /** @param pin null for a host Baraza calls (no PIN to call in with) */
    record HostBody(String name, String phoneNumber, String pin) {
        HostDetails details() {
            return new HostDetails(name, PhoneNumber.parse(phoneNumber));
        }

        Pin parsedPin() {
            return pin == null ? null : new Pin(pin);
        }
    }

    record HostDetail(Host host, List<StationId> stations) {
    }

    record PinBody(String pin) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    HostRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/hosts", NETWORK_ADMIN, locate::network, request -> Reply.ok(stores.hosts().list(request.scope().network()))),
                ApiRoute.post("/api/hosts", NETWORK_ADMIN, locate::network, this::create),
                ApiRoute.get("/api/hosts/{host}", NETWORK_ADMIN, locate::host, request -> Reply.ok(detail(request.found(Host.class)))),
                ApiRoute.put("/api/hosts/{host}", NETWORK_ADMIN, locate::host, this::update),
                ApiRoute.delete("/api/hosts/{host}", NETWORK_ADMIN, locate::host, this::delete),
                ApiRoute.put("/api/hosts/{host}/pin", NETWORK_ADMIN, locate::host, this::setPin),
                ApiRoute.get("/api/stations/{station}/hosts", MANAGE, locate::station,
                        request -> Reply.ok(stores.hosts().listOnStation(request.found(Station.class).id()))),
                ApiRoute.post("/api/stations/{station}/hosts", MANAGE, locate::station, this::createOnStation),
                ApiRoute.put("/api/stations/{station}/hosts/{host}", MANAGE, locate::station, request -> assign(request, true)),
                ApiRoute.delete("/api/stations/{station}/hosts/{host}", MANAGE, locate::station, request -> assign(request, false)));
    }

    private Reply create(ApiRequest request) {
        HostBody body = request.body(HostBody.class);
        Host host = stores.hosts().create(request.scope().network(), body.details(), body.parsedPin());
        audit.record(request, "host.create", "host", host.id().value(), null, host);
        return Reply.created(host);
    }

    private Reply update(ApiRequest request) {
        Host before = request.found(Host.class);
        Host after = stores.hosts().update(before.id(), request.body(HostBody.class).details());
        audit.record(request, "host.update", "host", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply delete(ApiRequest request) {
        Host host = request.found(Host.class);
        stores.hosts().delete(host.id());
        audit.record(request, "host.delete", "host", host.id().value(), host, null);
        return Reply.none();
    }

    private Reply setPin(ApiRequest request) {
        Host host = request.found(Host.class);
        String pin = request.body(PinBody.class).pin();
        if (pin == null) {
            stores.hosts().clearPin(host.id());
        } else {
            stores.hosts().setPin(host.id(), new Pin(pin));
        }
        Host after = stores.hosts().get(host.id());
        audit.record(request, "host.pin", "host", host.id().value(), host, after);
        return Reply.ok(after);
    }

    private Reply createOnStation(ApiRequest request) {
        Station station = request.found(Station.class);
        HostBody body = request.body(HostBody.class);
        Host host = stores.hosts().create(station.networkId(), body.details(), body.parsedPin());
        stores.hosts().assign(host.id(), station.id());
        audit.record(request, "host.create", "host", host.id().value(), null, detail(host));
        return Reply.created(host);
    }

    private Reply assign(ApiRequest request, boolean assign) {
        Station station = request.found(Station.class);
        HostId host = new HostId(request.id("host"));
        if (assign) {
            stores.hosts().assign(host, station.id());
        } else {
            stores.hosts().unassign(host, station.id());
        }
        audit.record(request, assign ? "host.assign" : "host.unassign", "host", host.value(), null, station.id().value());
        return Reply.none();
    }

    private HostDetail detail(Host host) {
        return new HostDetail(host, stores.hosts().stationsOf(host.id()));
    }
}
