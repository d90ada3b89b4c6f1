package org.baraza.sim.internal.httapi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.sim.internal.event.FreeswitchUrlEncoding;

/**
 * One request mod_httapi makes: the URL, the fields in order ({@code session_id} first, then the parameters,
 * then the one-time ones such as {@code choice}, {@code input_type} or {@code exiting}), the method, the
 * profile's basic-auth credentials and timeout. A recording to upload is a field named
 * {@code attach_file:<field>:<file name>} whose value is the file's path, as mod_httapi keeps it; such a
 * field makes the request a multipart POST (switch_curl_process_mime).
 *
 * @param credentials {@code user:password}, or null for none
 * @param timeout     how long the request may take, or zero for the simulator's own limit
 */
record HttapiRequest(String url, Map<String, String> fields, boolean post, String credentials, Duration timeout) {
    static final String ATTACH = "attach_file:";

    HttapiRequest {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    boolean uploads() {
        return fields.keySet().stream().anyMatch(name -> name.startsWith(ATTACH));
    }

    /** The fields as switch_event_build_param_string writes them: {@code name=value&...}, values URL-encoded. */
    String query() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(f.getKey()).append('=').append(FreeswitchUrlEncoding.encode(f.getValue()));
        }
        return out.toString();
    }
}
