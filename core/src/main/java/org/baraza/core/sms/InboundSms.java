package org.baraza.core.sms;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * A message a provider delivered to Baraza's webhook, checked on construction. The addresses and body
 * are kept exactly as received (not trimmed, not parsed): they are untrusted text.
 *
 * @param station           the station whose number it was sent to; null when no station owns the number
 * @param providerMessageId the provider's id (Twilio's MessageSid); the same id is stored once only
 */
public record InboundSms(
        NetworkId network,
        StationId station,
        String provider,
        String providerMessageId,
        String fromAddress,
        String toAddress,
        String body,
        Instant receivedAt) {

    public InboundSms {
        Require.present("SMS network", network);
        ProviderName.require(provider);
        Require.text("provider message id", providerMessageId, 1, 100);
        Require.text("SMS sender", fromAddress, 1, 64);
        Require.text("SMS recipient", toAddress, 1, 64);
        Require.text("SMS body", body, 0, 1600);
        Require.present("SMS received time", receivedAt);
    }
}
