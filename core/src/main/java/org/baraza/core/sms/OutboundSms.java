package org.baraza.core.sms;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;

/**
 * A message Baraza wants sent, checked on construction.
 *
 * @param station           the station it is sent for; null for network-wide messages
 * @param provider          which gateway sends it ({@code twilio})
 * @param from              the number it is sent from; the outbox rate-limits per sender
 * @param idempotencyKey    what makes a repeated request the same message (e.g. {@code reminder:airing-17:+256...}):
 *                          a key already used returns the message it was used for and sends nothing more
 * @param stopConfirmation  true for the reply to STOP, the one message a number that opted out still receives
 */
public record OutboundSms(
        NetworkId network,
        StationId station,
        String provider,
        PhoneNumber from,
        PhoneNumber to,
        String body,
        String idempotencyKey,
        boolean stopConfirmation) {

    public OutboundSms {
        Require.present("SMS network", network);
        ProviderName.require(provider);
        Require.present("SMS sender", from);
        Require.present("SMS recipient", to);
        Require.text("SMS body", body, 1, 1600);
        Require.text("SMS idempotency key", idempotencyKey, 1, 200);
    }

    public static OutboundSms of(NetworkId network, StationId station, String provider, PhoneNumber from,
                                 PhoneNumber to, String body, String idempotencyKey) {
        return new OutboundSms(network, station, provider, from, to, body, idempotencyKey, false);
    }

    /** The same message, marked as the confirmation of a STOP. */
    public OutboundSms asStopConfirmation() {
        return new OutboundSms(network, station, provider, from, to, body, idempotencyKey, true);
    }
}
