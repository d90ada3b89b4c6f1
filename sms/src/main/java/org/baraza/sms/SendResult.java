package org.baraza.sms;

import java.time.Duration;

/**
 * What became of one send: the provider accepted the message, or refused it for now (try again later) or
 * for good. Failures carry the provider's own error code and words, which the SMS log keeps.
 */
public sealed interface SendResult {

    /**
     * The provider has the message.
     *
     * @param providerMessageId the provider's id for it (Twilio's {@code SM...} sid)
     * @param providerStatus    the provider's word for its state ({@code queued}, {@code accepted})
     */
    record Accepted(String providerMessageId, String providerStatus) implements SendResult {
    }

    /**
     * Not sent this time; the same request may succeed later: a provider asking to slow down (HTTP 429), a
     * provider error (5xx), a timeout or a broken connection.
     *
     * @param code       the provider's error code ({@code 20429}), or Baraza's ({@code timeout}, {@code io}, {@code http-503})
     * @param retryAfter how long the provider asked to wait ({@code Retry-After}); null when it did not say
     */
    record Retryable(String code, String message, Duration retryAfter) implements SendResult {
        public static Retryable of(String code, String message) {
            return new Retryable(code, message, null);
        }
    }

    /** Refused for good: sending again would be refused again (an invalid number, a recipient who unsubscribed). */
    record Permanent(String code, String message) implements SendResult {
    }
}
