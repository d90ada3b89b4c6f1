package org.baraza.core.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/**
 * The SMS log: every message received and sent, and what providers report about the ones sent.
 * Outbound messages enter it through the {@link SmsOutbox}. Thread-safe and stateless.
 */
public interface SmsStore {

    /**
     * Stores a message a provider delivered, with status {@link SmsStatus#RECEIVED}.
     *
     * @throws org.baraza.core.DomainException.AlreadyExists when the provider's message id is stored already
     *                                                       (a provider retrying its webhook): nothing is stored twice
     * @throws org.baraza.core.DomainException.NotFound      when the network, or the station in it, does not exist
     */
    SmsMessage storeInbound(InboundSms sms);

    Optional<SmsMessage> find(SmsMessageId id);

    /**
     * Records that a received message was routed; a message is routed once.
     *
     * @return false when it was routed already, or is not a received message
     */
    boolean markRouted(SmsMessageId id, Instant at);

    /** Whether a received message was routed; false for one stored but not routed yet, and for outbound messages. */
    boolean isRouted(SmsMessageId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such message */
    SmsMessage get(SmsMessageId id);

    Optional<SmsMessage> findByProviderId(String provider, String providerMessageId);

    /**
     * Records a status callback about an outbound message known by its provider id. The status only moves
     * forward (a late "sent" after "delivered" changes nothing); the error code and message are recorded
     * with the status they came with.
     *
     * @return the message as it stands after the report, or empty when no outbound message has that id
     */
    Optional<SmsMessage> recordStatus(DeliveryReport report);

    /**
     * Records a status callback that names Baraza's own message id too (passed back in the callback URL).
     * It may arrive before the outbox worker recorded the provider's id: the id is then recorded, and the
     * message leaves the outbox, because the provider has it and it must never be sent again.
     *
     * @throws org.baraza.core.DomainException.NotFound      when there is no such outbound message
     * @throws org.baraza.core.DomainException.Conflict      when the message is another provider's or has another provider id
     * @throws org.baraza.core.DomainException.AlreadyExists when another message has that provider id
     */
    SmsMessage recordStatus(SmsMessageId id, DeliveryReport report);

    /**
     * Files a received message in a live show's inbox, where the host and the console see it.
     *
     * @throws org.baraza.core.DomainException.NotFound when the message or the airing does not exist, or the
     *                                                  airing is not on the message's station
     */
    SmsMessage fileUnder(SmsMessageId id, AiringId airing);

    /** The messages a station received from {@code since} (inclusive) until {@code until} (exclusive), oldest first. */
    List<SmsMessage> inbox(StationId station, Instant since, Instant until);

    /** The messages filed in a show's inbox, oldest first. */
    List<SmsMessage> inbox(AiringId airing);

    /** The latest {@code limit} messages from and to a number in a network, oldest first. */
    List<SmsMessage> conversation(NetworkId network, PhoneNumber number, int limit);
}
