package org.baraza.programs;

import java.util.Objects;

/**
 * A program's name for one call leg ("host-1", "caller-7"). Programs choose these names; the station
 * daemon maps each to the FreeSWITCH uuid it chose for the leg, so programs never see uuids or numbers.
 */
public record LegId(String value) {
    public LegId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
