package org.baraza.core.sms;

import java.time.Instant;

/**
 * An outbound message still to send, with its place in the outbox.
 *
 * @param attempts         how many sends failed and were retried so far
 * @param nextAttemptAt    when it may be sent (again)
 * @param lockedBy         the worker that claimed it; null when unclaimed
 * @param lockedUntil      when that worker's claim lapses; null when unclaimed
 * @param lastError        why the last attempt failed; null before any
 * @param stopConfirmation true for the reply to STOP, which a number that opted out still receives
 * @param handedOverAt     when a worker first handed it to the provider; null when no worker ever did. A message
 *                         that was handed over and is still here may have reached the provider (a timeout, a
 *                         worker that died mid-request): ask the provider before sending it again
 */
public record OutboxEntry(
        SmsMessage message,
        int attempts,
        Instant nextAttemptAt,
        String lockedBy,
        Instant lockedUntil,
        String lastError,
        boolean stopConfirmation,
        Instant handedOverAt) {
}
