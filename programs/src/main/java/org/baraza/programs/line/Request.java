package org.baraza.programs.line;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.baraza.core.hub.HubMessage.CallRequest;

/**
 * One of a listener's requests, as the line needs it: the params FreeSWITCH echoed back (the {@code bz_*}
 * ones the last document set, and the key a menu collected) and facts about the call. Params are untrusted:
 * the line validates them. Immutable.
 *
 * @param params    the request's params, as FreeSWITCH sent them
 * @param answered  whether FreeSWITCH had answered the call by this request
 * @param callBack  whether this is a call the station made to a listener who flashed it
 * @param recording the recording this request uploaded (the listener's message, stored by the server)
 * @param exiting   whether this is the call's last request: the caller hung up
 */
public record Request(Map<String, String> params, boolean answered, boolean callBack, Optional<Long> recording,
                      boolean exiting) {

    public Request {
        params = Map.copyOf(params);
        Objects.requireNonNull(recording, "recording");
    }

    /** The line's view of a request from the hub; only the station knows whether the call is one it made. */
    public static Request of(CallRequest request, boolean callBack) {
        return new Request(request.params(), request.answered(), callBack, Optional.ofNullable(request.recording()),
                request.exiting());
    }
}
