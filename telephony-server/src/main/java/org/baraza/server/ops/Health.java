package org.baraza.server.ops;

import java.util.List;

import org.baraza.core.ops.OpsQueries;
import org.baraza.server.hub.ZmqHub;

/**
 * How the server is: the database answers, which daemons the hub hears and the stations they run, and each
 * daemon's connections to FreeSWITCH as it reports them. {@code down} when the database does not answer (nothing
 * works), {@code degraded} when no daemon is heard or a FreeSWITCH connection is down (calls fail over to the
 * fallback), else {@code ok}. Thread-safe.
 */
public final class Health {

    /** What {@code /health/details} answers. */
    public record Report(String status, boolean database, int stationsWithDaemon, List<ZmqHub.Daemon> daemons) {
    }

    private final OpsQueries ops;
    private final ZmqHub hub;

    public Health(OpsQueries ops, ZmqHub hub) {
        this.ops = ops;
        this.hub = hub;
    }

    public Report report() {
        boolean database = ops.ping();
        List<ZmqHub.Daemon> daemons = hub.daemons();
        boolean switchDown = daemons.stream().flatMap(daemon -> daemon.switches().stream()).anyMatch(link -> !link.connected());
        String status = !database ? "down" : daemons.isEmpty() || switchDown ? "degraded" : "ok";
        return new Report(status, database, hub.stations().size(), daemons);
    }

    /** The line the plain {@code /health} shows beside "ok". */
    public String summary() {
        return "stations with a daemon: " + hub.stations().size();
    }
}
