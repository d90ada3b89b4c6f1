package org.baraza.sms.outbox;

import java.time.Duration;

import org.baraza.core.Require;
import org.baraza.core.config.SmsConfig;

/**
 * How an {@link OutboxWorker} works: its name in the outbox's claims, how it paces each sender number, how
 * long a request to the provider may take, how often and how patiently it retries, and how often it looks
 * for due messages when nobody wakes it.
 *
 * @param workerId       unique among the workers sharing a database (its claims carry it)
 * @param batch          how many due messages one claim takes
 * @param pollInterval   the longest the worker sleeps without looking at the outbox
 */
public record OutboxSettings(String workerId, Duration senderInterval, Duration sendTimeout, int maxAttempts,
                             Duration retryBackoff, Duration pollInterval, int batch) {

    public OutboxSettings {
        Require.text("outbox worker id", workerId, 1, 100);
        Require.range("outbox batch", batch, 1, 1000);
        Require.range("SMS attempts", maxAttempts, 1, 50);
    }

    public static OutboxSettings of(String workerId, SmsConfig sms) {
        return new OutboxSettings(workerId, sms.senderInterval(), sms.sendTimeout(), sms.maxAttempts(), sms.retryBackoff(),
                Duration.ofSeconds(1), 10);
    }

    /**
     * How long one request to the provider may run, with margin: the JDK client may spend the timeout on
     * connecting and again on the answer. A hand-over holds the claim this long.
     */
    Duration requestLease() {
        return sendTimeout.multipliedBy(2).plusSeconds(10);
    }

    /** A claim lasts until each message of the batch could have been looked up and sent, one after another. */
    Duration claimLease() {
        return requestLease().multipliedBy(2L * batch);
    }
}
