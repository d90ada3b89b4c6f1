package org.baraza.sim.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event decoded from the wire: header names in order with their raw (still encoded, for plain) and
 * decoded values, and the body. Used to compare the simulator's events with the transcripts'.
 */
public record WireEvent(List<String> names, List<String> rawValues, List<String> values, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    public String rawHeader(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return rawValues.get(i);
            }
        }
        return null;
    }

    public String name() {
        return header("Event-Name");
    }

    /** The Event-Name, with the Action of a conference event: {@code CUSTOM/add-member}. */
    public String kind() {
        String action = header("Action");
        return "CUSTOM".equals(name()) && action != null ? "CUSTOM/" + action : name();
    }

    public static WireEvent fromPlain(String body) {
        List<String> names = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int end = body.indexOf("\n\n");
        String block = end < 0 ? body : body.substring(0, end);
        String rest = end < 0 ? "" : body.substring(end + 2);
        for (String line : block.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 2);
            if (name.equals("Content-Length")) {
                continue;
            }
            names.add(name);
            raw.add(value);
            values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new WireEvent(names, raw, values, rest);
    }

    public static WireEvent fromJson(String body) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String eventBody = "";
        try {
            // Duplicate names appear in FreeSWITCH's JSON; walk the tokens so none is lost.
            var parser = JSON.getFactory().createParser(body);
            parser.nextToken();
            while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                String name = parser.currentName();
                var token = parser.nextToken();
                String value;
                if (token == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    // A header with several values (FreeSWITCH's arrays) comes as a JSON array.
                    value = JSON.readTree(parser).toString();
                } else {
                    value = parser.getValueAsString();
                }
                if (name.equals("_body")) {
                    eventBody = value;
                } else if (!name.equals("Content-Length")) {
                    names.add(name);
                    values.add(value);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an event in JSON: " + body, e);
        }
        return new WireEvent(names, values, values, eventBody);
    }

    static Map<String, String> firstValues(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            out.putIfAbsent(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
