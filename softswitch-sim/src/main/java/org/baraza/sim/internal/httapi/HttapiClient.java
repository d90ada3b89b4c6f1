package org.baraza.sim.internal.httapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends mod_httapi's requests with the JDK's HTTP client: GET with the fields in the query string by
 * default, a form POST when the document set {@code method=post}, a multipart POST when a recording is
 * attached; {@code User-Agent: mod_httapi/1.0} and {@code Accept: *}{@code /*} as curl sends them. Never
 * blocks the caller. Lives as long as the simulator; safe for any thread.
 */
final class HttapiClient implements AutoCloseable {
    /** What came back; status 0 when nothing did (connection refused, timeout). */
    record Response(int status, String contentType, String body) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("httapi-", 1).factory());
    private final HttpClient http = HttpClient.newBuilder().executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1).build();

    CompletableFuture<Response> send(HttapiRequest request) {
        HttpRequest.Builder b;
        try {
            if (!request.files().isEmpty()) {
                String boundary = "------------------------" + UUID.randomUUID().toString().replace("-", "");
                b = HttpRequest.newBuilder(URI.create(request.url()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(request, boundary)));
            } else if (request.post()) {
                b = HttpRequest.newBuilder(URI.create(request.url()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(request.query()));
            } else {
                String url = request.url() + (request.url().contains("?") ? "&" : "?") + request.query();
                b = HttpRequest.newBuilder(URI.create(url)).GET();
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return CompletableFuture.completedFuture(new Response(0, "", e.getMessage()));
        }
        b.timeout(TIMEOUT).header("User-Agent", "mod_httapi/1.0").header("Accept", "*/*");
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()))
                .exceptionally(e -> new Response(0, "", String.valueOf(e.getMessage())));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static byte[] multipart(HttapiRequest request, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : request.fields().entrySet()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n");
        }
        for (Map.Entry<String, Path> file : request.files().entrySet()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getValue().getFileName() + "\"\r\nContent-Type: audio/wav\r\n\r\n");
            try {
                out.write(Files.readAllBytes(file.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording " + file.getValue(), e);
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
