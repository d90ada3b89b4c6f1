package org.baraza.core.sms;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;

/**
 * One SMS, in or out, as the SMS log keeps it. Addresses and body are exactly what the provider gave or
 * Baraza wrote: untrusted text, to be escaped wherever it is shown.
 *
 * @param stationId         the station it was sent to or from; null for network-wide messages
 * @param airingId          the live show whose inbox it went to; null when none
 * @param providerMessageId the provider's id (Twilio's MessageSid); null for an outbound message not yet accepted
 * @param idempotencyKey    outbound only: the sender's key that makes a repeated send the same message
 * @param createdAt         inbound: when it was received; outbound: when it was queued
 * @param sentAt            outbound: when the provider accepted it; null until then
 * @param statusAt          when the current status was recorded
 */
public record SmsMessage(
        SmsMessageId id,
        NetworkId networkId,
        StationId stationId,
        AiringId airingId,
        SmsDirection direction,
        String provider,
        String providerMessageId,
        String idempotencyKey,
        String fromAddress,
        String toAddress,
        String body,
        SmsStatus status,
        String errorCode,
        String errorMessage,
        Instant createdAt,
        Instant sentAt,
        Instant statusAt) {
}
