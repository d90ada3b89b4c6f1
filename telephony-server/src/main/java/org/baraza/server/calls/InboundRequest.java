package org.baraza.server.calls;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One mod_httapi request as the router needs it: the call (FreeSWITCH's session id, the channel's uuid), the
 * fields FreeSWITCH sent (channel data, the params Baraza's documents set, collected keys), and the recording
 * it uploaded, in a file the router may move.
 */
public record InboundRequest(UUID session, Map<String, String> fields, Optional<Path> recording) {

    public InboundRequest {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }

    /** The last request of a call, sent after it ended: its answer is ignored. */
    public boolean exiting() {
        return "true".equals(fields.get("exiting"));
    }
}
