package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.sim.internal.event.FreeswitchUrlEncoding;

/**
 * One request mod_httapi makes: the URL, the fields in order ({@code session_id} first, then the
 * parameters, then the one-time ones such as {@code choice}, {@code input_type} or {@code exiting}), the
 * method, and any recorded files to upload (which make it a multipart POST, as curl's form post does).
 */
record HttapiRequest(String url, Map<String, String> fields, boolean post, Map<String, Path> files) {
    HttapiRequest {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        files = Map.copyOf(files);
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
