package org.baraza.sms.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's HTTP transport, on the JDK's HTTP client: every request goes to {@code apiBase} (Twilio's
 * API, or a fake of it in tests) with a connect and a response timeout, and is made once. The SDK's own
 * client retries 5xx answers three times after fixed pauses; here the outbox worker decides about retries,
 * with backoff, and knows each request that may have reached Twilio. Thread-safe; lives as long as its gateway.
 */
final class TwilioHttp extends HttpClient {

    private final java.net.http.HttpClient http;
    private final URI apiBase;
    private final Duration timeout;

    TwilioHttp(URI apiBase, Duration timeout) {
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request.constructURL()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "baraza twilio-java/13.0.1");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (request.getMethod() == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(builder.build());
        Optional<Duration> retryAfter = retryAfter(response);
        if ((response.statusCode() == 429 || response.statusCode() == 503) && retryAfter.isPresent()) {
            throw new ProviderBusy(response.statusCode(), retryAfter.get(), response.body());
        }
        return new Response(response.body(), response.statusCode());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException("no answer from " + apiBase + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ApiConnectionException("request to " + apiBase + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for " + apiBase, e);
        }
    }

    /** The SDK's URL on Twilio's host, moved to {@code apiBase}: path and query stay. */
    private URI target(URL sdkUrl) {
        String pathAndQuery = sdkUrl.getFile();
        return URI.create(apiBase.getScheme() + "://" + apiBase.getRawAuthority() + pathAndQuery);
    }

    /** {@code Retry-After} in seconds; an HTTP date (Twilio sends seconds) is left to the worker's backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())));
    }
}
