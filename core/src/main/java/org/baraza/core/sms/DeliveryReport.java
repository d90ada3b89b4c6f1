package org.baraza.core.sms;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Require;

/**
 * What a provider's status callback says about an outbound message, checked on construction.
 *
 * @param errorCode    the provider's error code for an undelivered or failed message (Twilio's ErrorCode); may be null
 * @param errorMessage the provider's words for it; may be null
 * @param at           when Baraza was told
 */
public record DeliveryReport(
        String provider,
        String providerMessageId,
        SmsStatus status,
        String errorCode,
        String errorMessage,
        Instant at) {

    public DeliveryReport {
        ProviderName.require(provider);
        Require.text("provider message id", providerMessageId, 1, 100);
        Require.present("delivery status", status);
        if (status == SmsStatus.RECEIVED) {
            throw new DomainException.Invalid("a delivery report is about an outbound message; \"received\" is not its status");
        }
        Require.optionalText("SMS error code", errorCode, 50);
        Require.optionalText("SMS error message", errorMessage, 1000);
        Require.present("delivery report time", at);
    }

    public static DeliveryReport of(String provider, String providerMessageId, SmsStatus status, Instant at) {
        return new DeliveryReport(provider, providerMessageId, status, null, null, at);
    }
}
