package org.baraza.sms.keyword;

import java.util.Objects;
import java.util.Optional;

/**
 * What the router did with a received text, and the reply due to its sender, if any. A number that opted out
 * gets no reply but the STOP confirmation. Immutable.
 *
 * @param reply the text to answer with (plain text: the listener's own words may be in it, so it is escaped
 *              wherever it is rendered)
 */
public record Routed(Outcome outcome, Optional<String> reply) {

    /** What the text turned out to be. */
    public enum Outcome {
        OPTED_OUT,
        OPTED_IN,
        HELP,
        SUBSCRIBED,
        UNSUBSCRIBED,
        NO_SUCH_SHOW,
        VOTED,
        ALREADY_VOTED,
        /** Filed in the inbox of the live show on air, for its host and the console. */
        TO_SHOW,
        /** A host's command, carried out or refused (the reply says which). */
        HOST_COMMAND,
        /** Nothing more to do: kept in the station's inbox for the console. */
        KEPT
    }

    public Routed {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reply, "reply");
    }

    static Routed of(Outcome outcome, String reply) {
        return new Routed(outcome, Optional.of(reply));
    }

    static Routed silently(Outcome outcome) {
        return new Routed(outcome, Optional.empty());
    }

    /** The same, with no reply: the sender opted out. */
    Routed unanswered() {
        return silently(outcome);
    }
}
