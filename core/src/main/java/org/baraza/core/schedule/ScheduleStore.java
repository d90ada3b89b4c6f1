package org.baraza.core.schedule;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;

/** Schedules: which program airs on which station, when. Thread-safe and stateless. */
public interface ScheduleStore {

    /**
     * @throws org.baraza.core.DomainException.NotFound when the station or the program is not in the network
     */
    Schedule create(NetworkId network, ScheduleSettings settings);

    Optional<Schedule> find(ScheduleId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such schedule */
    Schedule get(ScheduleId id);

    /** The station's schedules, active or not, by start. */
    List<Schedule> list(StationId station);

    /** The station's active schedules, by start: what its daemon plans airings from. */
    List<Schedule> active(StationId station);

    /**
     * Replaces the schedule's settings. The airings already planned keep their times.
     *
     * @throws org.baraza.core.DomainException.NotFound when there is no such schedule, or the station or program is
     *                                                  not in its network
     * @throws org.baraza.core.DomainException.Conflict when it would move to another station while airings refer to it
     */
    Schedule update(ScheduleId id, ScheduleSettings settings);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such schedule */
    Schedule activate(ScheduleId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such schedule */
    Schedule deactivate(ScheduleId id);

    /**
     * Removes the schedule; its airings stay in the as-aired log, no longer tied to it.
     *
     * @throws org.baraza.core.DomainException.NotFound when there is no such schedule
     */
    void delete(ScheduleId id);
}
