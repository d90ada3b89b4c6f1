package org.baraza.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Calls an httapi server over real HTTP as mod_httapi does (curl's User-Agent and Accept, basic auth): GET with a
 * query string, a URL-encoded POST, a multipart POST with a recording. For tests.
 */
public final class Webhook {

    public static final String USER = "freeswitch";
    public static final String PASSWORD = "s3cret-httapi";
    public static final String BOUNDARY = "------------------------d74496d66958873e";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Webhook(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String target) {
        return send(request(target).GET());
    }

    public HttpResponse<String> postForm(String target, String form) {
        return send(request(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> postMultipart(String target, Map<String, String> fields, String fileField, byte[] file) {
        return send(request(target).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, fileField, file))));
    }

    /** A request to {@code target} with mod_httapi's headers and the right credentials. */
    public HttpRequest.Builder request(String target) {
        return anonymous(target).header("Authorization", basic(USER, PASSWORD));
    }

    public HttpRequest.Builder anonymous(String target) {
        return HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", "mod_httapi/1.0").header("Accept", "*/*");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart body as curl's form post writes it: each field, then the file ({@code fileField} null: none). */
    public static byte[] multipart(Map<String, String> fields, String fileField, byte[] file) {
        return multipart(fields, fileField, "message.wav", file);
    }

    /** The same, the file named {@code fileName}. */
    public static byte[] multipart(Map<String, String> fields, String fileField, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
