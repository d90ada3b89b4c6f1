package org.baraza.core.airing;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;

/**
 * One occurrence of a program on a station, planned and then as it really went: the as-aired log, Baraza's
 * proof of broadcast. Its gaps and items say what was silent and what played.
 *
 * @param scheduleId     the schedule it is an occurrence of; null for a one-off, or once the schedule is deleted
 * @param actualStart    when it went on air; null until then
 * @param actualEnd      when it went off air; null until then, and for an airing that never went on air
 * @param failureCause   why it failed, when it did
 * @param conferenceName the FreeSWITCH conference that is its on-air bus, once prepared
 */
public record Airing(
        AiringId id,
        NetworkId networkId,
        StationId stationId,
        ProgramId programId,
        ScheduleId scheduleId,
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        AiringStatus status,
        String failureCause,
        String conferenceName,
        Instant createdAt,
        Instant updatedAt) {
}
