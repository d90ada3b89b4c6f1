package org.baraza.programs.live;

import java.util.Optional;

import org.baraza.programs.LegId;

/**
 * Where the show stands with its host's phone: no leg, a call back due on a timer, a call ringing, answered
 * (asked to press 1), or placed in the conference. There is one host leg at a time.
 */
public sealed interface HostLine {

    /** No host leg and no call due: before the airing is prepared, or with no number to call. */
    record Absent() implements HostLine {
    }

    /**
     * A call to the host is due when the {@link Hosting#CALL_HOST} timer fires.
     *
     * @param failed calls in a row that did not reach the host, so that only the first is logged
     */
    record Retrying(int failed) implements HostLine {
    }

    /** The show is calling the host on {@code leg}. */
    record Dialling(LegId leg, int failed) implements HostLine {
    }

    /** The host answered and was asked to press 1 when ready; not in the conference yet. */
    record Answered(LegId leg) implements HostLine {
    }

    /** The host is in the conference (on air, or waiting through a music break). */
    record Placed(LegId leg) implements HostLine {
    }

    /** The host's leg, while one rings or is up. */
    default Optional<LegId> currentLeg() {
        return switch (this) {
            case Absent a -> Optional.empty();
            case Retrying r -> Optional.empty();
            case Dialling d -> Optional.of(d.leg());
            case Answered a -> Optional.of(a.leg());
            case Placed p -> Optional.of(p.leg());
        };
    }

    /** Whether {@code leg} is the host's current leg. */
    default boolean is(LegId leg) {
        return currentLeg().filter(leg::equals).isPresent();
    }

    /** Whether a person is on the host's leg: it was answered (or the host called in). */
    default boolean picked() {
        return this instanceof Answered || this instanceof Placed;
    }
}
