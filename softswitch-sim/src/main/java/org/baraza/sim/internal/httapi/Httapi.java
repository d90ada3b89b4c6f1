package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.sim.HttapiProfile;
import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mod_httapi in the simulator: registers the {@code httapi} dialplan application, keeps its profiles and each
 * channel's session, and sends the {@code exiting=true} request when a channel that ran it reaches
 * CS_REPORTING. Lives as long as the simulator; {@link #close} stops its HTTP client. Switch thread, except close.
 */
public final class Httapi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Httapi.class);

    private final HttapiClient client = new HttapiClient();
    private final String hostname;
    private final Path recordings;
    private final Map<String, HttapiProfile> profiles;
    private final Map<String, HttapiSession> sessions = new HashMap<>();

    public Httapi(Switchboard board, String hostname, Path recordings, Map<String, HttapiProfile> profiles) {
        this.hostname = hostname;
        this.recordings = recordings;
        this.profiles = Map.copyOf(profiles);
        board.registerApplication("httapi", call -> new HttapiApp(this));
        board.onReporting(this::reporting);
    }

    /**
     * A session for the run, with the profile its data or channel names ({@code httapi_profile}, else
     * "default"); empty when there is no such profile, which mod_httapi logs before the dialplan goes on.
     */
    HttapiSession open(AppRun run) {
        Map<String, String> params = dataParams(run.data());
        String name = params.get("httapi_profile");
        if (name == null || name.isEmpty()) {
            name = run.leg().channel().variable("httapi_profile");
        }
        HttapiProfile profile = profiles.get(name == null || name.isEmpty() ? "default" : name);
        if (profile == null) {
            LOG.error("{}: Cannot find profile [{}]; Cannot find suitable profile", run.leg().channel().name(), name);
            return null;
        }
        HttapiSession session = new HttapiSession(run, client, profile, params, hostname, recordings);
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

    /**
     * The application's data as switch_event_create_brackets reads it: {@code {name=value,...}} first, each a
     * parameter of every request; then, when what follows looks like a URL, the {@code url} parameter.
     */
    static Map<String, String> dataParams(String data) {
        Map<String, String> params = new LinkedHashMap<>();
        String d = data == null ? "" : data.trim();
        if (d.startsWith("{")) {
            int close = d.indexOf('}');
            if (close > 0) {
                for (String pair : d.substring(1, close).split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        params.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                d = d.substring(close + 1).trim();
            }
        }
        if (d.contains("://")) {
            params.put("url", d);
        }
        return params;
    }
}
