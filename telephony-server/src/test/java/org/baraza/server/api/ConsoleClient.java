package org.baraza.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client of the console API for tests, over real HTTP: as a bearer token, or as a browser with a
 * session cookie and (optionally) its CSRF token. Immutable; each {@code as...} gives a new one.
 */
final class ConsoleClient {

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final List<String> headers;

    private ConsoleClient(String base, List<String> headers) {
        this.base = base;
        this.headers = List.copyOf(headers);
    }

    static ConsoleClient at(int port) {
        return new ConsoleClient("http://127.0.0.1:" + port, List.of());
    }

    ConsoleClient withHeader(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new ConsoleClient(base, more);
    }

    ConsoleClient bearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response form(String path, String encoded) {
        return send("POST", path, encoded, "application/x-www-form-urlencoded");
    }

    /** A multipart form post, such as {@link org.baraza.server.testing.Webhook#multipart} writes. */
    Response multipart(String path, byte[] body) {
        return send("POST", path, body, "multipart/form-data; boundary=" + org.baraza.server.testing.Webhook.BOUNDARY);
    }

    /** @param body a JSON value, text or bytes as they are, or null for none */
    Response send(String method, String path, Object body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, switch (body) {
                case null -> HttpRequest.BodyPublishers.noBody();
                case byte[] bytes -> HttpRequest.BodyPublishers.ofByteArray(bytes);
                case String text -> HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
                default -> HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
            });
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
