package org.baraza.core.sms;

/**
 * How far a message has gone. Inbound messages are {@link #RECEIVED}; outbound ones move forward from
 * {@link #QUEUED} to one of the three outcomes and never back: a provider's late "sent" does not undo
 * "delivered", and the first outcome reported stays.
 */
public enum SmsStatus {
    RECEIVED,
    /** In the outbox, waiting to be sent. */
    QUEUED,
    /** The provider is sending it. */
    SENDING,
    /** The provider accepted it and handed it to the carrier. */
    SENT,
    DELIVERED,
    /** The carrier could not deliver it. */
    UNDELIVERED,
    /** It will never be sent: refused by the provider, or failed for good. */
    FAILED
}
