package org.baraza.programs.line;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a call is in the line, as the last document left it: what the call did after that document's steps,
 * and so what its next request means. Sent in param {@code bz_step} by its lowercase name.
 */
enum Phase {
    /** No document yet: the call's first request (never sent). */
    NEW,
    /** The call rang, unanswered, for the station's ring time. */
    RING,
    /** The language menu was played. */
    LANGUAGE,
    /** The main menu was played. */
    MAIN,
    /** The open poll's answers and their keys were read, and a key asked for. */
    VOTE,
    /** The caller asked to speak with no show to take them, and was offered to leave a message. */
    NO_LIVE_SHOW,
    /** The caller was asked for a message and recorded. */
    RECORD,
    /** The caller listened to the air in its conference. */
    LISTEN,
    /** The caller heard a filler file, off air. */
    FILLER,
    /** The caller waited in a live show's conference to speak. */
    QUEUED,
    /** The line hung up. */
    BYE;

    String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase a param names; none for a name that is not a phase's (or for {@code new}, never sent). */
    static Optional<Phase> named(String param) {
        for (Phase phase : values()) {
            if (phase != NEW && phase.param().equals(param)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
