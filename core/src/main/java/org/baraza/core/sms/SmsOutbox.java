package org.baraza.core.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.SmsMessageId;

/**
 * The persistent outbox: every outbound message is stored here before it is sent, and workers claim,
 * send and settle it. A message is sent at most once per claim, and a claim lapses after its lease, so a
 * worker that dies leaves its messages to another. The caller passes every "now": the store never reads
 * a clock. Thread-safe and stateless; any number of workers, in any number of processes, may share it.
 */
public interface SmsOutbox {

    /** {@link SmsMessage#errorCode()} of a message dropped because its recipient texted STOP after it was queued. */
    String OPTED_OUT = "opted_out";

    /**
     * Stores the message, status {@link SmsStatus#QUEUED}, and its outbox entry, due at {@code now}, in one
     * transaction. Enqueueing an idempotency key again, even concurrently, returns the message first stored
     * with it and creates nothing.
     *
     * @throws org.baraza.core.DomainException.Conflict when the recipient opted out of the network (unless the
     *                                                  message is the STOP confirmation), or the key was used for a
     *                                                  different message
     * @throws org.baraza.core.DomainException.NotFound when the network, or the station in it, does not exist
     */
    SmsMessage enqueue(OutboundSms sms, Instant now);

    /**
     * Claims up to {@code limit} due messages (oldest due first) for {@code worker} until {@code now + lease}:
     * entries due at {@code now} that no live claim holds. Concurrent workers never claim the same entry.
     * Entries whose recipient opted out since they were queued are not claimed: they leave the outbox,
     * failed with {@link #OPTED_OUT}; except those handed over to the provider already, which may have reached it:
     * they are claimed, for the worker to ask the provider before it fails them.
     */
    List<OutboxEntry> claim(String worker, Instant now, Duration lease, int limit);

    /**
     * Records that the provider accepted the message: its provider id, status {@link SmsStatus#SENT} (unless a
     * callback already moved it further) and when. The entry leaves the outbox. This holds even when the
     * worker's claim lapsed: the provider has the message, and it must not be sent again.
     *
     * @throws org.baraza.core.DomainException.NotFound      when there is no such outbound message
     * @throws org.baraza.core.DomainException.Conflict      when the message already has another provider id
     * @throws org.baraza.core.DomainException.AlreadyExists when another message has that provider id
     */
    SmsMessage markSent(SmsMessageId id, String providerMessageId, Instant at);

    /**
     * Records that {@code worker} is about to hand the claimed message to the provider, just before it does,
     * and holds the claim until {@code at + lease}, so that nobody else takes the message while the request
     * may still be running. From then on the message may be with the provider whatever becomes of the worker;
     * {@link OutboxEntry#handedOverAt()} keeps the first time.
     *
     * @return false when {@code worker} no longer holds a live claim on the message (another took it, its lease
     *         lapsed, or it left the outbox): the worker must not send it
     */
    boolean handOver(SmsMessageId id, String worker, Instant at, Duration lease);

    /**
     * Returns a claimed message to the outbox after a failed attempt: one more attempt, the error, and when to
     * try again.
     *
     * @return false when {@code worker} no longer holds the message (another claimed it, or it left the outbox)
     */
    boolean retry(SmsMessageId id, String worker, String error, Instant nextAttemptAt);

    /**
     * Returns a claimed message unsent, without counting an attempt: for a rate limit, or a worker stopping.
     *
     * @return false when {@code worker} no longer holds the message
     */
    boolean release(SmsMessageId id, String worker, Instant nextAttemptAt);

    /**
     * Gives up on a claimed message: status {@link SmsStatus#FAILED} with the error, and it leaves the outbox.
     *
     * @return false when {@code worker} no longer holds the message
     */
    boolean fail(SmsMessageId id, String worker, String errorCode, String errorMessage, Instant at);

    /** The message's outbox entry, while it has one. */
    Optional<OutboxEntry> find(SmsMessageId id);
}
