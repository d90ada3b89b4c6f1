package org.baraza.sms;

import java.time.Instant;

/**
 * The port every SMS provider's adapter implements: send one message, and (when the provider can tell) find
 * one that may have reached it already. An adapter holds its provider's client and configuration for the life
 * of the process; it is thread-safe, and each call blocks its caller until the provider answers or the
 * adapter's timeout passes. It never retries by itself: the outbox worker decides when to try again.
 */
public interface SmsGateway {

    /** The provider's name as the SMS log stores it with each message: {@code twilio}. */
    String provider();

    /** Sends one message; never throws for what the provider or the network did, which is in the result. */
    SendResult send(OutgoingSms sms);

    /**
     * Finds messages from {@code sms.from()} to {@code sms.to()} with the same text that the provider took since
     * {@code since}: for a message whose earlier send may have reached the provider without Baraza learning it
     * (a timeout, a worker stopped mid-request). A provider that cannot tell keeps this default.
     */
    default Lookup find(OutgoingSms sms, Instant since) {
        return new Lookup.Unsupported();
    }
}
