package org.baraza.server.api;

import static org.baraza.server.auth.Permission.NETWORK_ADMIN;
import static org.baraza.server.auth.Permission.NETWORK_MEMBER;

import java.util.List;

import org.baraza.core.Ids.HostId;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Programs: what the network airs, its type and its type's configuration (a JSON object), and who presents it.
 * Every user of the network reads them (a station manager schedules them); the network's admin changes them.
 */
final class ProgramRoutes {

    /** @param config the type's settings as a JSON object; null for none */
    record ProgramBody(String name, ProgramType type, JsonNode config, String language, String description) {
        ProgramDetails details() {
            return new ProgramDetails(name, type, config == null ? ProgramConfig.empty() : new ProgramConfig(config.toString()),
                    language, description);
        }
    }

    record ProgramDetail(Program program, List<Host> hosts) {
    }

    record HostsBody(List<Long> hosts) {
    }

    private final Stores stores;
    private final Locate locate;
    private final Audit audit;

    ProgramRoutes(Stores stores, Locate locate, Audit audit) {
        this.stores = stores;
        this.locate = locate;
        this.audit = audit;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/programs", NETWORK_MEMBER, locate::network,
                        request -> Reply.ok(stores.programs().list(request.scope().network()))),
                ApiRoute.post("/api/programs", NETWORK_ADMIN, locate::network, this::create),
                ApiRoute.get("/api/programs/{program}", NETWORK_MEMBER, locate::program, request -> Reply.ok(detail(request.found(Program.class)))),
                ApiRoute.put("/api/programs/{program}", NETWORK_ADMIN, locate::program, this::update),
                ApiRoute.delete("/api/programs/{program}", NETWORK_ADMIN, locate::program, this::delete),
                ApiRoute.put("/api/programs/{program}/hosts", NETWORK_ADMIN, locate::program, this::setHosts));
    }

    private Reply create(ApiRequest request) {
        Program program = stores.programs().create(request.scope().network(), request.body(ProgramBody.class).details());
        audit.record(request, "program.create", "program", program.id().value(), null, program);
        return Reply.created(program);
    }

    private Reply update(ApiRequest request) {
        Program before = request.found(Program.class);
        Program after = stores.programs().update(before.id(), request.body(ProgramBody.class).details());
        audit.record(request, "program.update", "program", after.id().value(), before, after);
        return Reply.ok(after);
    }

    private Reply delete(ApiRequest request) {
        Program program = request.found(Program.class);
        stores.programs().delete(program.id());
        audit.record(request, "program.delete", "program", program.id().value(), program, null);
        return Reply.none();
    }

    private Reply setHosts(ApiRequest request) {
        Program program = request.found(Program.class);
        List<Long> hosts = request.body(HostsBody.class).hosts();
        ProgramDetail before = detail(program);
        stores.programs().setHosts(program.id(), hosts == null ? List.of() : hosts.stream().map(HostId::new).toList());
        ProgramDetail after = detail(program);
        audit.record(request, "program.hosts", "program", program.id().value(), before, after);
        return Reply.ok(after);
    }

    private ProgramDetail detail(Program program) {
        return new ProgramDetail(program, stores.programs().hosts(program.id()));
    }
}
