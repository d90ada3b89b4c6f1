package org.baraza.sms.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.sms.OutboxEntry;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStore;
import org.baraza.core.sms.SubscriptionStore;
import org.baraza.sms.Lookup;
import org.baraza.sms.OutgoingSms;
import org.baraza.sms.SendResult;
import org.baraza.sms.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with one claimed message, in order: wait for the sender's turn (put back, no attempt
 * counted); if an earlier send may have reached the provider, ask the provider and record what it holds
 * instead of sending again; drop it if the recipient texted STOP since it was queued; write down the
 * hand-over (holding the claim for the request); send; then record the provider's id, or retry with backoff,
 * or fail with the provider's error. Thread-confined to its worker.
 *
 * <p>What remains of "never twice": a provider that cannot be asked ({@link Lookup.Unsupported}) gets a second
 * copy after a timeout; Twilio is asked, but lists only its latest 50 messages between the two numbers; and a
 * STOP that arrives during the request itself (milliseconds) does not stop that message.
 */
final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /** The provider's clock and ours may disagree: a lookup reaches this far before the first hand-over. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final String STOPPED = "the recipient texted STOP after it was queued";

    private final OutboxSettings settings;
    private final SmsOutbox outbox;
    private final SmsStore messages;
    private final SubscriptionStore subscriptions;
    private final SmsGateway gateway;
    private final Clock clock;
    private final SenderPacing pacing;
    private final Backoff backoff;

    OutboxDelivery(OutboxSettings settings, SmsOutbox outbox, SmsStore messages, SubscriptionStore subscriptions,
                   SmsGateway gateway, Clock clock, SenderPacing pacing, Backoff backoff) {
        this.settings = settings;
        this.outbox = outbox;
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.gateway = gateway;
        this.clock = clock;
        this.pacing = pacing;
        this.backoff = backoff;
    }

    /** Settles one claimed message; returns when it is due again if it stays in the outbox, else null. */
    Instant settle(OutboxEntry entry) {
        SmsMessage message = entry.message();
        Instant now = clock.instant();
        Instant turn = pacing.admit(message.fromAddress(), now);
        if (turn.isAfter(now)) {
            outbox.release(message.id(), worker(), turn);
            return turn;
        }
        OutgoingSms sms = new OutgoingSms(message.id(), new PhoneNumber(message.fromAddress()),
                new PhoneNumber(message.toAddress()), message.body());
        if (entry.handedOverAt() != null) {
            Optional<Instant> settled = reconcile(entry, sms);
            if (settled != null) {
                return settled.orElse(null);
            }
        }
        if (!entry.stopConfirmation() && subscriptions.isOptedOut(message.networkId(), sms.to())) {
            outbox.fail(message.id(), worker(), SmsOutbox.OPTED_OUT, STOPPED, now);
            return null;
        }
        if (!outbox.handOver(message.id(), worker(), now, settings.requestLease())) {
            return null;
        }
        return switch (gateway.send(sms)) {
            case SendResult.Accepted accepted -> sent(message.id(), accepted);
            case SendResult.Retryable retryable -> retryOrFail(entry, retryable);
            case SendResult.Permanent refused -> {
                outbox.fail(message.id(), worker(), refused.code(), refused.message(), clock.instant());
                LOG.warn("{} to {} refused by {}: {} {}", message.id(), message.toAddress(), gateway.provider(),
                        refused.code(), refused.message());
                yield null;
            }
        };
    }

    /**
     * Asks the provider for a message an earlier send may have delivered to it.
     *
     * @return null to go on and send; otherwise settled (empty: sent; present: due again then)
     */
    private Optional<Instant> reconcile(OutboxEntry entry, OutgoingSms sms) {
        return switch (gateway.find(sms, entry.handedOverAt().minus(CLOCK_SKEW))) {
            case Lookup.Matches matches -> unrecorded(matches.messages())
                    .map(found -> {
                        LOG.info("{} was with {} already ({}): recorded, not sent again", sms.id(), gateway.provider(),
                                found.providerMessageId());
                        return Optional.ofNullable(sent(sms.id(), found));
                    })
                    .orElse(null);
            case Lookup.Failed failed -> Optional.ofNullable(retryOrFail(entry, failed.why()));
            case Lookup.Unsupported unsupported -> null;
        };
    }

    /** The oldest match (providers list newest first) that is not already another message's. */
    private Optional<SendResult.Accepted> unrecorded(List<SendResult.Accepted> matches) {
        return matches.reversed().stream()
                .filter(found -> messages.findByProviderId(gateway.provider(), found.providerMessageId()).isEmpty())
                .findFirst();
    }

    private Instant sent(SmsMessageId id, SendResult.Accepted accepted) {
        try {
            outbox.markSent(id, accepted.providerMessageId(), clock.instant());
        } catch (DomainException e) {
            LOG.error("{} was accepted by {} as {} but could not be recorded: {}", id, gateway.provider(),
                    accepted.providerMessageId(), e.getMessage());
        }
        return null;
    }

    private Instant retryOrFail(OutboxEntry entry, SendResult.Retryable failure) {
        SmsMessageId id = entry.message().id();
        Instant now = clock.instant();
        if (entry.attempts() + 1 >= settings.maxAttempts()) {
            outbox.fail(id, worker(), failure.code(), failure.message(), now);
            LOG.warn("{} failed after {} attempts: {} {}", id, entry.attempts() + 1, failure.code(), failure.message());
            return null;
        }
        Instant next = now.plus(backoff.after(entry.attempts(), failure.retryAfter()));
        outbox.retry(id, worker(), failure.code() + ": " + failure.message(), next);
        return next;
    }

    private String worker() {
        return settings.workerId();
    }
}
