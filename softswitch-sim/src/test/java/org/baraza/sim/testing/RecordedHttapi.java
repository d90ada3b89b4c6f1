package org.baraza.sim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** httapi-requests.log and sip-httapi-requests.log: each request mod_httapi made and the document served back. */
public final class RecordedHttapi {
    /** One recorded exchange. */
    public record Exchange(String method, Map<String, String> fields, Map<String, String> headers, String response) {
        public List<String> fieldNames() {
            return List.copyOf(fields.keySet());
        }
    }

    private RecordedHttapi() {
    }

    public static List<Exchange> load(String file) {
        String text;
        try (InputStream in = RecordedHttapi.class.getResourceAsStream("/freeswitch-1.10.12/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Exchange> out = new ArrayList<>();
        for (String block : text.split("=== ")) {
            if (block.isBlank()) {
                continue;
            }
            String[] parts = block.split("\n--- RESPONSE\n", 2);
            String[] lines = parts[0].split("\n");
            String[] requestLine = lines[0].split(" ", 2);
            String query = requestLine[1].substring(requestLine[1].indexOf('?') + 1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim());
                }
            }
            out.add(new Exchange(requestLine[0], fields, headers, parts[1].trim()));
        }
        return out;
    }
}
