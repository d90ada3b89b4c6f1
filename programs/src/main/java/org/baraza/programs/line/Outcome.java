package org.baraza.programs.line;

import java.util.Objects;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.poll.PollOption;

/** What {@link ListenerLine#next} decided for a request. Immutable. */
public sealed interface Outcome {

    /** Answer the request with this document. */
    record Reply(CallDocument document) implements Outcome {
        public Reply {
            Objects.requireNonNull(document, "document");
        }
    }

    /**
     * The caller pressed 3 while a live show that takes callers is on air: offer them to the show, then
     * answer with {@link ListenerLine#waiting} if it takes them, or {@link ListenerLine#noLiveShow} if not.
     */
    record AsksToSpeak() implements Outcome {
    }

    /**
     * The caller pressed the key of {@code answer}, an answer of the open poll they were read: count their vote,
     * then answer with {@link ListenerLine#voted} and what came of it.
     */
    record Votes(PollOption answer) implements Outcome {
        public Votes {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The caller hung up while the line let the call ring (a "flash", a missed call): call them back. The
     * document answers their last request.
     */
    record MissedCall(CallDocument document) implements Outcome {
        public MissedCall {
            Objects.requireNonNull(document, "document");
        }
    }
}
