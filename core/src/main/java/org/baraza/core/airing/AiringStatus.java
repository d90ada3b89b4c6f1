package org.baraza.core.airing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an airing is in its life. It starts {@link #SCHEDULED}, may be {@link #PREPARING} (transmitter dialled,
 * host called), goes {@link #ON_AIR}, and ends in one of the final statuses; a final status never changes.
 */
public enum AiringStatus {
    SCHEDULED,
    PREPARING,
    ON_AIR,
    /** Went on air and ran to its end. */
    AIRED,
    /** Went on air but stopped early, or with a part missing. */
    PARTIAL,
    /** Could not go on air, or broke off, for a recorded cause. */
    FAILED,
    /** Its slot passed without it going on air (no daemon ran the station). */
    MISSED,
    /** Called off before it went on air; its slot is free again. */
    CANCELLED;

    /** The statuses an airing may move to this one from. */
    public Set<AiringStatus> predecessors() {
        return switch (this) {
            case SCHEDULED -> EnumSet.noneOf(AiringStatus.class);
            case PREPARING -> EnumSet.of(SCHEDULED);
            case ON_AIR -> EnumSet.of(SCHEDULED, PREPARING);
            case AIRED, PARTIAL -> EnumSet.of(ON_AIR);
            case FAILED -> EnumSet.of(SCHEDULED, PREPARING, ON_AIR);
            case MISSED, CANCELLED -> EnumSet.of(SCHEDULED, PREPARING);
        };
    }

    /** The status as people read it: "on air", "cancelled". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public boolean isFinal() {
        return switch (this) {
            case SCHEDULED, PREPARING, ON_AIR -> false;
            case AIRED, PARTIAL, FAILED, MISSED, CANCELLED -> true;
        };
    }
}
