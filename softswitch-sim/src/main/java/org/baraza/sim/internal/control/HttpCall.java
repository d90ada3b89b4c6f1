package org.baraza.sim.internal.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * One request to the control API and its answer: the path split into segments, query parameters, a JSON
 * body read up to a limit, and JSON (or empty) replies. Used by one handler thread for one exchange.
 */
final class HttpCall {
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private final List<String> segments;
    private final Map<String, String> query = new LinkedHashMap<>();

    HttpCall(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
        this.segments = Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(s -> !s.isEmpty()).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
    }

    String method() {
        return exchange.getRequestMethod();
    }

    List<String> segments() {
        return segments;
    }

    String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    /** A whole-number query parameter, or the default when absent. */
    long queryLong(String name, long otherwise) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ControlError.badRequest("query parameter " + name + " must be a whole number: " + value);
        }
    }

    /** The JSON body as the given type; an empty body, bad JSON or an unknown field is a 400 naming why. */
    <T> T body(Class<T> type) {
        byte[] bytes = readBody();
        if (bytes.length == 0) {
            throw ControlError.badRequest("the request needs a JSON body");
        }
        try {
            return json.readValue(bytes, type);
        } catch (JacksonException e) {
            throw ControlError.badRequest("bad JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ControlError.badRequest("unreadable body: " + e.getMessage());
        }
    }

    void reply(int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void replyEmpty(int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    void replyError(int status, String message) throws IOException {
        reply(status, Map.of("error", message == null ? "error" : message));
    }

    void allow(String methods) {
        exchange.getResponseHeaders().set("Allow", methods);
    }

    private byte[] readBody() {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ControlError(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ControlError.badRequest("unreadable body: " + e.getMessage());
        }
    }
}
