package org.baraza.sim.internal.httapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends mod_httapi's requests with the JDK's HTTP client as httapi_sync sends them with curl: GET with the
 * fields in the query string by default, a form POST when the document set {@code method=post}, a multipart
 * POST when a recording is attached; {@code User-Agent: mod_httapi/1.0} and {@code Accept: *}{@code /*}; basic
 * auth sent with the first request, as curl does when basic is the only scheme allowed, from the profile's
 * credentials or from {@code user:password@} in the URL, which wins and is taken out of the URL. Never blocks
 * the caller. Lives as long as the simulator; safe for any thread.
 */
final class HttapiClient implements AutoCloseable {
    /** What came back; status 0 when nothing did (connection refused, timeout). */
    record Response(int status, String contentType, String body) {
    }

    /** How long the simulator waits for a webhook whose profile sets no timeout. */
    private static final Duration NO_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("httapi-", 1).factory());
    private final HttpClient http = HttpClient.newBuilder().executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1).build();

    CompletableFuture<Response> send(HttapiRequest request) {
        HttpRequest.Builder b;
        try {
            URI target = URI.create(request.url());
            String credentials = target.getRawUserInfo() != null ? target.getUserInfo() : request.credentials();
            target = withoutUserInfo(target);
            if (request.uploads()) {
                String boundary = "------------------------" + UUID.randomUUID().toString().replace("-", "");
                b = HttpRequest.newBuilder(target)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(request, boundary)));
            } else if (request.post()) {
                b = HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(request.query()));
            } else {
                String url = target + (target.getRawQuery() != null ? "&" : "?") + request.query();
                b = HttpRequest.newBuilder(URI.create(url)).GET();
            }
            if (credentials != null && !credentials.isEmpty()) {
                b.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return CompletableFuture.completedFuture(new Response(0, "", e.getMessage()));
        }
        b.timeout(request.timeout().isZero() ? NO_TIMEOUT : request.timeout())
                .header("User-Agent", "mod_httapi/1.0").header("Accept", "*/*");
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()))
                .exceptionally(e -> new Response(0, "", String.valueOf(e.getMessage())));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + uri, e);
        }
    }

    /**
     * Every field a part, in order, as curl's MIME post of switch_curl_process_mime: a plain field carries its
     * value, an attachment its file under the record tag's name, with the file name the document gave and the
     * type curl gives a file it has no type for.
     */
    private static byte[] multipart(HttapiRequest request, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : request.fields().entrySet()) {
            String name = f.getKey();
            if (!name.startsWith(HttapiRequest.ATTACH)) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                        + f.getValue() + "\r\n");
                continue;
            }
            String[] field = name.substring(HttapiRequest.ATTACH.length()).split(":", 2);
            if (field.length < 2) {
                continue;
            }
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"; filename=\"" + field[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            try {
                out.write(Files.readAllBytes(Path.of(f.getValue())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording " + f.getValue(), e);
            }
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
