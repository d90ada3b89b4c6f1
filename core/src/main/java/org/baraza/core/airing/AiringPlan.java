package org.baraza.core.airing;

import java.time.Instant;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.schedule.Schedule;

/**
 * An airing to plan, checked on construction: a program on a station for a slot.
 *
 * @param schedule null for a one-off airing
 */
public record AiringPlan(
        NetworkId network,
        StationId station,
        ProgramId program,
        ScheduleId schedule,
        Instant plannedStart,
        Instant plannedEnd) {

    public AiringPlan {
        Require.present("airing network", network);
        Require.present("airing station", station);
        Require.present("airing program", program);
        Require.present("airing start", plannedStart);
        Require.present("airing end", plannedEnd);
        if (!plannedEnd.isAfter(plannedStart)) {
            throw new DomainException.Invalid("an airing must end after it starts; got " + plannedStart + " to " + plannedEnd);
        }
    }

    /** The occurrence of a schedule that starts at {@code start}, for the schedule's duration. */
    public static AiringPlan occurrence(Schedule schedule, Instant start) {
        return new AiringPlan(schedule.networkId(), schedule.stationId(), schedule.programId(), schedule.id(), start,
                start.plus(schedule.duration()));
    }

    public static AiringPlan oneOff(NetworkId network, StationId station, ProgramId program, Instant start, Instant end) {
        return new AiringPlan(network, station, program, null, start, end);
    }
}
