package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;

/**
 * mod_httapi in the simulator: registers the {@code httapi} dialplan application, keeps each channel's
 * session, and sends the {@code exiting=true} request when a channel that ran it reaches CS_REPORTING.
 * Lives as long as the simulator; {@link #close} stops its HTTP client. Switch thread, except close.
 */
public final class Httapi implements AutoCloseable {
    private final HttapiClient client = new HttapiClient();
    private final String hostname;
    private final Path recordings;
    private final Map<String, HttapiSession> sessions = new HashMap<>();

    public Httapi(Switchboard board, String hostname, Path recordings) {
        this.hostname = hostname;
        this.recordings = recordings;
        board.registerApplication("httapi", call -> new HttapiApp(this));
        board.onReporting(this::reporting);
    }

    HttapiSession open(AppRun run) {
        HttapiSession session = new HttapiSession(run, client, hostname, recordings);
        sessions.put(run.leg().uuid(), session);
        return session;
    }

    private void reporting(Leg leg) {
        HttapiSession session = sessions.remove(leg.uuid());
        if (session != null) {
            session.exiting();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
