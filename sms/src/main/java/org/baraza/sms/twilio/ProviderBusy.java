package org.baraza.sms.twilio;

import java.time.Duration;

/**
 * Twilio asked Baraza to come back later ({@code 429}, or {@code 503} with {@code Retry-After}). The SDK turns
 * an error answer into an exception without its headers, so {@link TwilioHttp} throws this instead, carrying
 * the wait and the answer's body.
 */
final class ProviderBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    private final String body;

    ProviderBusy(int status, Duration retryAfter, String body) {
        super("HTTP " + status + " with Retry-After " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
        this.body = body;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    String body() {
        return body;
    }
}
