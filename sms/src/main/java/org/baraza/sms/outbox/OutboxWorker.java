package org.baraza.sms.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.baraza.core.sms.OutboxEntry;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStore;
import org.baraza.core.sms.SubscriptionStore;
import org.baraza.sms.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the persistent outbox holds, through one {@link SmsGateway}. One virtual thread, named
 * {@code sms-outbox-<worker id>}, claims due messages in batches and settles each ({@link OutboxDelivery}):
 * paced per sender number, retried with backoff, failed for good with the provider's error, never sent to a
 * number that texted STOP. It looks at the outbox when {@link #wake() woken} (after an enqueue in this
 * process), when a message it put back is due, and at least every poll interval (messages queued by other
 * processes). Several workers, in one process or many, may share an outbox: claims keep them apart.
 *
 * <p>Lives from {@link #start} to {@link #close}; {@code wake} and {@code close} are safe from any thread.
 * Closing lets the request in flight finish, puts back what the worker still holds, and waits for the thread.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxSettings settings;
    private final SmsOutbox outbox;
    private final OutboxDelivery delivery;
    private final Clock clock;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;

    OutboxWorker(OutboxSettings settings, SmsOutbox outbox, SmsStore messages, SubscriptionStore subscriptions,
                 SmsGateway gateway, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.delivery = new OutboxDelivery(settings, outbox, messages, subscriptions, gateway, clock,
                new SenderPacing(settings.senderInterval()), new Backoff(settings.retryBackoff(), random));
    }

    /** Starts a worker on its own thread. */
    public static OutboxWorker start(OutboxSettings settings, SmsOutbox outbox, SmsStore messages,
                                     SubscriptionStore subscriptions, SmsGateway gateway, Clock clock) {
        OutboxWorker worker = new OutboxWorker(settings, outbox, messages, subscriptions, gateway, clock,
                RandomGenerator.getDefault());
        worker.thread = Thread.ofVirtual().name("sms-outbox-" + settings.workerId()).start(worker::run);
        LOG.info("SMS outbox worker {} sending through {}", settings.workerId(), gateway.provider());
        return worker;
    }

    /** Something was queued: look at the outbox now rather than at the next poll. */
    public void wake() {
        signal.release();
    }

    @Override
    public void close() {
        stopping = true;
        signal.release();
        if (thread != null) {
            try {
                if (!thread.join(settings.requestLease().multipliedBy(2))) {
                    LOG.warn("SMS outbox worker {} did not stop in time; its claims lapse by themselves", settings.workerId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!stopping) {
            Instant nextLook;
            try {
                nextLook = sweep();
            } catch (RuntimeException e) {
                LOG.error("SMS outbox worker {}: the outbox could not be read; trying again", settings.workerId(), e);
                nextLook = clock.instant().plus(settings.pollInterval());
            }
            await(nextLook);
        }
    }

    /**
     * Claims one batch of due messages and settles each; on stopping, puts back what is left.
     *
     * @return when to look again: now when the batch was full, else the earliest of the poll interval and a
     *         message put back for later
     */
    Instant sweep() {
        Instant now = clock.instant();
        List<OutboxEntry> claimed = outbox.claim(settings.workerId(), now, settings.claimLease(), settings.batch());
        Instant next = now.plus(settings.pollInterval());
        for (OutboxEntry entry : claimed) {
            if (stopping) {
                outbox.release(entry.message().id(), settings.workerId(), clock.instant());
                continue;
            }
            Instant back = delivery.settle(entry);
            if (back != null && back.isBefore(next)) {
                next = back;
            }
        }
        return claimed.size() == settings.batch() ? now : next;
    }

    private void await(Instant until) {
        long millis = Duration.between(clock.instant(), until).toMillis();
        try {
            if (millis > 0 && signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
