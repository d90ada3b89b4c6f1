package org.baraza.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;

/**
 * A program on a station: from a local start, for a duration, once or repeated. The station daemon turns
 * its occurrences into airings; an inactive schedule plans none.
 *
 * @param recurrence null: the program airs once, at {@code startsLocal}
 */
public record Schedule(
        ScheduleId id,
        NetworkId networkId,
        StationId stationId,
        ProgramId programId,
        LocalDateTime startsLocal,
        ZoneId timeZone,
        Duration duration,
        Recurrence recurrence,
        Duration prepareLead,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public ScheduleSettings settings() {
        return new ScheduleSettings(stationId, programId, startsLocal, timeZone, duration, recurrence, prepareLead, active);
    }
}
