package org.baraza.server.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baraza.server.testing.Webhook;

/**
 * Calls the server's Twilio webhooks as Twilio does: a URL-encoded form, signed in {@code X-Twilio-Signature} with
 * the account's auth token over the URL Twilio was given (the public one) and the fields. For tests.
 */
final class TwilioWebhook {

    private final Webhook http;
    private final URI publicUrl;
    private final String authToken;

    TwilioWebhook(int port, URI publicUrl, String authToken) {
        this.http = new Webhook(port);
        this.publicUrl = publicUrl;
        this.authToken = authToken;
    }

    /** A form Twilio signed with its token, for the public URL of {@code path}. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, signature(authToken, publicUrl + path, fields));
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String signature) {
        return postRaw(path, encode(fields), signature);
    }

    HttpResponse<String> postRaw(String path, String body, String signature) {
        HttpRequest.Builder request = http.anonymous(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (signature != null) {
            request.header(TwilioSignature.HEADER, signature);
        }
        return http.send(request);
    }

    String signatureFor(String path, Map<String, String> fields) {
        return signature(authToken, publicUrl + path, fields);
    }

    /**
     * Twilio's request signature, as its SDK checks it: Base64 of the HMAC-SHA1, under the auth token, of the URL
     * followed by each field's name and value in name order.
     */
    static String signature(String authToken, String url, Map<String, String> fields) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
