package org.baraza.core.hub;

/** A frame on the hub that is not a message of this protocol; the message says what is wrong with it. */
public final class HubProtocolException extends RuntimeException {
    public HubProtocolException(String message) {
        super(message);
    }

    public HubProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
