package org.baraza.core.hub;

import java.util.Objects;
import java.util.UUID;

/**
 * One message on the hub's wire: its id, the id of the request it answers (for a reply), and the message.
 * Encoded as one JSON frame by {@link HubCodec}, with the protocol version.
 *
 * @param correlation the id of the request this answers; null for a request or a notice
 */
public record Envelope(String id, String correlation, HubMessage message) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    public static Envelope of(HubMessage message) {
        return new Envelope(UUID.randomUUID().toString(), null, message);
    }

    /** A reply to this envelope. */
    public Envelope reply(HubMessage answer) {
        return new Envelope(UUID.randomUUID().toString(), id, answer);
    }
}
