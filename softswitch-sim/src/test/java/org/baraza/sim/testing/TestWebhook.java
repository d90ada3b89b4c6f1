package org.baraza.sim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local mod_httapi webhook for tests: records every request (method, query fields in order, headers, body)
 * and answers with the next scripted document, or a hangup document when the script has run out.
 */
public final class TestWebhook implements AutoCloseable {
    /** One request as it arrived. */
    public record Request(String method, String path, String rawQuery, Map<String, String> fields, Map<String, List<String>> headers,
                          byte[] body) {
        public String field(String name) {
            return fields.get(name);
        }

        public List<String> fieldNames() {
            return List.copyOf(fields.keySet());
        }
    }

    /** One scripted answer. */
    public record Answer(int status, String contentType, String body) {
        public static Answer document(String xml) {
            return new Answer(200, "text/xml", xml);
        }
    }

    public static final String HANGUP = "<document type=\"text/freeswitch-httapi\"><work><hangup/></work></document>";

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public TestWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/httapi", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/httapi");
    }

    public synchronized TestWebhook answer(Answer answer) {
        script.add(answer);
        return this;
    }

    public TestWebhook answer(String xml) {
        return answer(Answer.document(xml));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits (five seconds at most) until the webhook has had {@code count} requests, and returns the last of them. */
    public Request awaitRequest(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() >= count);
        return requests().get(count - 1);
    }

    /** An httapi document with these work tags. */
    public static String document(String work) {
        return document("", work);
    }

    /** An httapi document with these sections before the work ({@code <params>}, {@code <variables>}) and tags. */
    public static String document(String sections, String work) {
        return "<document type=\"text/freeswitch-httapi\">" + sections + "<work>" + work + "</work></document>";
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> fields = new LinkedHashMap<>();
        String form = "GET".equals(exchange.getRequestMethod()) ? query
                : new String(body, StandardCharsets.UTF_8);
        if (form != null && !"multipart".equals(kind(exchange))) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        Answer answer;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, fields,
                    Map.copyOf(exchange.getRequestHeaders()), body));
            answer = script.isEmpty() ? Answer.document(HANGUP) : script.poll();
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private static String kind(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.startsWith("multipart/") ? "multipart" : "form";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
