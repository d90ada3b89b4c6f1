package org.baraza.daemon.station;

import java.time.Instant;
import java.util.Objects;

import org.baraza.core.Ids.AiringId;
import org.baraza.programs.ProgramRun;

/**
 * What a station needs to run one airing, loaded when the airing is prepared: its conference (the
 * on-air bus), its slot, and its program ready to start.
 */
public record AiringSetup(AiringId id, String conference, Instant plannedStart, Instant plannedEnd, ProgramRun<?> program) {
    public AiringSetup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(program, "program");
        if (!plannedEnd.isAfter(plannedStart)) {
            throw new IllegalArgumentException(id + ": a slot must end after it starts");
        }
    }

    /** The conference of airing {@code id}: one per airing, so back-to-back airings never share one. */
    public static String conferenceOf(AiringId id) {
        return "baraza-airing-" + id.value();
    }
}
