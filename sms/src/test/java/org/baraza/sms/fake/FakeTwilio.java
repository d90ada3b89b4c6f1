package org.baraza.sms.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake of Twilio's Messages REST API over real HTTP, for tests of the real Twilio SDK: {@code POST} and
 * {@code GET /2010-04-01/Accounts/{sid}/Messages.json} as Twilio answers them (basic auth, form parameters,
 * JSON resources, Twilio's error bodies), with scripted failures ({@link #failNext}, {@link #plan}) and a
 * record of every message it accepted. Lives for one test; thread-safe; each request runs on a virtual thread.
 */
public final class FakeTwilio implements AutoCloseable {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** A message the fake accepted, as it holds it. */
    public record Accepted(String sid, String from, String to, String body, String statusCallback, Instant createdAt) {
    }

    private final String accountSid;
    private final String authToken;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sids = new AtomicLong();
    private final AtomicLong messageRequests = new AtomicLong();
    private final Deque<Fault> scripted = new ArrayDeque<>();
    private final List<Accepted> accepted = new ArrayList<>();
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();
    private volatile LongFunction<Fault> plan = n -> null;

    private FakeTwilio(String accountSid, String authToken, Clock clock) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeTwilio start(String accountSid, String authToken) {
        try {
            return new FakeTwilio(accountSid, authToken, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("the fake Twilio could not listen", e);
        }
    }

    /** Where to point the SDK's requests: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code count} message requests are answered with {@code fault}, before any {@link #plan}. */
    public synchronized void failNext(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            scripted.add(fault);
        }
    }

    /** Decides each message request's fault by its number (1, 2, ...); null accepts it. */
    public void plan(LongFunction<Fault> plan) {
        this.plan = plan;
    }

    /** Twilio's 21610: the number texted STOP to Twilio itself; messages to it are refused. */
    public void unsubscribe(String number) {
        unsubscribed.add(number);
    }

    public synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** How many message requests came, whatever their answer. */
    public long messageRequests() {
        return messageRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                answer(exchange, 404, error(20404, "The requested resource " + exchange.getRequestURI().getPath() + " was not found", 404));
            } else if (!authorised(exchange) || !path.group(1).equals(accountSid)) {
                answer(exchange, 401, error(20003, "Authenticate", 401));
            } else if (exchange.getRequestMethod().equals("POST")) {
                create(exchange, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } else if (exchange.getRequestMethod().equals("GET")) {
                list(exchange, form(exchange.getRequestURI().getRawQuery()));
            } else {
                answer(exchange, 405, error(20004, "Method not allowed", 405));
            }
        }
    }

    private void create(HttpExchange exchange, Map<String, String> form) throws IOException {
        Fault fault = nextFault(messageRequests.incrementAndGet());
        switch (fault) {
            case Fault.ServerError e -> answer(exchange, 500, error(20500, "Internal Server Error", 500));
            case Fault.TooManyRequests tooMany -> {
                if (tooMany.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", Long.toString(tooMany.retryAfter().toSeconds()));
                }
                answer(exchange, 429, error(20429, "Too Many Requests", 429));
            }
            case Fault.Refusal refusal -> answer(exchange, refusal.status(), error(refusal.code(), refusal.message(), refusal.status()));
            case Fault.SlowAnswer slow -> {
                Map<String, Object> resource = accept(exchange, form);
                if (resource != null) {
                    pause(slow);
                    answer(exchange, 201, resource);
                }
            }
            case null -> {
                Map<String, Object> resource = accept(exchange, form);
                if (resource != null) {
                    answer(exchange, 201, resource);
                }
            }
        }
    }

    /** Checks the message as Twilio does and records it; answers the refusal and returns null when it is refused. */
    private Map<String, Object> accept(HttpExchange exchange, Map<String, String> form) throws IOException {
        String to = form.get("To");
        String from = form.get("From");
        String body = form.get("Body");
        if (to == null || !E164.matcher(to).matches()) {
            answer(exchange, 400, error(21211, "Invalid 'To' Phone Number: " + to, 400));
            return null;
        }
        if (from == null || from.isBlank()) {
            answer(exchange, 400, error(21603, "A 'From' phone number is required.", 400));
            return null;
        }
        if (body == null || body.isEmpty()) {
            answer(exchange, 400, error(21602, "Message body is required.", 400));
            return null;
        }
        if (unsubscribed.contains(to)) {
            answer(exchange, 400, error(21610, "Attempt to send to unsubscribed recipient", 400));
            return null;
        }
        Accepted message = new Accepted("SM%032x".formatted(sids.incrementAndGet()), from, to, body, form.get("StatusCallback"),
                clock.instant());
        synchronized (this) {
            accepted.add(message);
        }
        return resource(message);
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        List<Accepted> all = accepted();
        for (int i = all.size() - 1; i >= 0; i--) {
            Accepted message = all.get(i);
            if ((!query.containsKey("To") || query.get("To").equals(message.to()))
                    && (!query.containsKey("From") || query.get("From").equals(message.from()))) {
                found.add(resource(message));
            }
        }
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
        List<Map<String, Object>> page = found.subList(0, Math.min(pageSize, found.size()));
        String uri = exchange.getRequestURI().toString();
        Map<String, Object> answer = new HashMap<>();
        answer.put("messages", page);
        answer.put("uri", uri);
        answer.put("first_page_uri", uri);
        answer.put("next_page_uri", null);
        answer.put("previous_page_uri", null);
        answer.put("page", 0);
        answer.put("page_size", pageSize);
        answer.put("start", 0);
        answer.put("end", Math.max(page.size() - 1, 0));
        answer(exchange, 200, answer);
    }

    private Map<String, Object> resource(Accepted message) {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + message.sid();
        String created = TwilioDates.format(message.createdAt());
        Map<String, Object> resource = new HashMap<>();
        resource.put("account_sid", accountSid);
        resource.put("api_version", "2010-04-01");
        resource.put("body", message.body());
        resource.put("date_created", created);
        resource.put("date_sent", null);
        resource.put("date_updated", created);
        resource.put("direction", "outbound-api");
        resource.put("error_code", null);
        resource.put("error_message", null);
        resource.put("from", message.from());
        resource.put("messaging_service_sid", null);
        resource.put("num_media", "0");
        resource.put("num_segments", "1");
        resource.put("price", null);
        resource.put("price_unit", "USD");
        resource.put("sid", message.sid());
        resource.put("status", "queued");
        resource.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        resource.put("to", message.to());
        resource.put("uri", uri + ".json");
        return resource;
    }

    private synchronized Fault nextFault(long requestNumber) {
        Fault next = scripted.poll();
        return next != null ? next : plan.apply(requestNumber);
    }

    private boolean authorised(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static Map<String, Object> error(int code, String message, int status) {
        return Map.of("code", code, "message", message, "more_info", "https://www.twilio.com/docs/errors/" + code, "status", status);
    }

    private void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    /** A slow answer is latency the fake plays: its request thread waits, as a slow Twilio would. */
    private static void pause(Fault.SlowAnswer slow) {
        try {
            Thread.sleep(slow.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
