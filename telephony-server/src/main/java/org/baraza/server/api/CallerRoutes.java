package org.baraza.server.api;

import static org.baraza.server.auth.Permission.MANAGE;
import static org.baraza.server.auth.Permission.NETWORK_ADMIN;

import java.util.List;

import org.baraza.core.Ids.CallerId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Caller;
import org.baraza.core.people.CallerBlock;
import org.baraza.core.station.Station;

/**
 * Callers: the network's (its admin reads and annotates them and blocks them network-wide), and a station's
 * blocks, which its manager sets by number. Names and notes are stored exactly as typed and come back as JSON
 * strings.
 */
final class CallerRoutes {

    record CallerDetail(Caller caller, List<CallerBlock> blocks) {
    }

    record Annotation(String name, String notes) {
    }

    record Reason(String reason) {
    }

    record StationBlock(String number, String reason) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    CallerRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/callers", NETWORK_ADMIN, locate::network,
                        request -> Reply.ok(stores.callers().recent(request.scope().network(), request.limit(100, 1000)))),
                ApiRoute.get("/api/callers/{caller}", NETWORK_ADMIN, locate::caller, request -> Reply.ok(detail(request.found(Caller.class)))),
                ApiRoute.put("/api/callers/{caller}", NETWORK_ADMIN, locate::caller, this::annotate),
                ApiRoute.post("/api/callers/{caller}/block", NETWORK_ADMIN, locate::caller, this::blockEverywhere),
                ApiRoute.delete("/api/callers/{caller}/block", NETWORK_ADMIN, locate::caller, this::unblockEverywhere),
                ApiRoute.post("/api/stations/{station}/blocks", MANAGE, locate::station, this::blockOnStation),
                ApiRoute.delete("/api/stations/{station}/blocks/{caller}", MANAGE, locate::station, this::unblockOnStation));
    }

    private Reply annotate(ApiRequest request) {
        Caller before = request.found(Caller.class);
        Annotation annotation = request.body(Annotation.class);
        Caller after = stores.callers().annotate(before.id(), annotation.name(), annotation.notes());
        audit.record(request, "caller.annotate", "caller", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply blockEverywhere(ApiRequest request) {
        Caller caller = request.found(Caller.class);
        CallerBlock block = stores.callers().block(caller.id(), null, request.body(Reason.class).reason(), request.principal().user().id());
        audit.record(request, "caller.block", "caller", caller.id().value(), null, block);
        return Reply.created(block);
    }

    private Reply unblockEverywhere(ApiRequest request) {
        Caller caller = request.found(Caller.class);
        stores.callers().unblock(caller.id(), null);
        audit.record(request, "caller.unblock", "caller", caller.id().value(), detail(caller).blocks(), null);
        return Reply.none();
    }

    /** Blocks a number on the station, whether or not it called before. */
    private Reply blockOnStation(ApiRequest request) {
        Station station = request.found(Station.class);
        StationBlock wanted = request.body(StationBlock.class);
        Caller caller = stores.callers().seen(station.networkId(), PhoneNumber.parse(wanted.number()), request.now());
        CallerBlock block = stores.callers().block(caller.id(), station.id(), wanted.reason(), request.principal().user().id());
        audit.record(request, "caller.block", "caller", caller.id().value(), null, block);
        return Reply.created(block);
    }

    private Reply unblockOnStation(ApiRequest request) {
        Station station = request.found(Station.class);
        CallerId caller = new CallerId(request.id("caller"));
        // Only a caller of the station's network can have a block there: another network's caller is not found.
        if (stores.callers().find(caller).filter(c -> c.networkId().equals(station.networkId())).isEmpty()) {
            throw ApiProblem.notFound("no such caller");
        }
        stores.callers().unblock(caller, station.id());
        audit.record(request, "caller.unblock", "caller", caller.value(), station.id().value(), null);
        return Reply.none();
    }

    private CallerDetail detail(Caller caller) {
        return new CallerDetail(caller, stores.callers().blocks(caller.id()));
    }
}
