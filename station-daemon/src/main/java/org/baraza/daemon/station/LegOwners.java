package org.baraza.daemon.station;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baraza.core.Ids.StationId;

/**
 * Which of a daemon's stations owns each live leg, by the leg's uuid: how a key press, which FreeSWITCH reports
 * without the channel's variables, finds its one station at once rather than being offered to every station.
 * Each station's {@link LegBook} enters the legs it follows and removes them as they end; a station that stops
 * removes all of its own.
 *
 * <p>One per daemon, for the daemon's life. Thread-safe: written on the stations' threads, read on the ESL
 * client's threads, never blocking either.
 */
public final class LegOwners {

    private final Map<UUID, StationId> owners = new ConcurrentHashMap<>();

    /** The station that follows the leg now; empty when none of the daemon's stations does. */
    public Optional<StationId> ownerOf(UUID leg) {
        return Optional.ofNullable(owners.get(leg));
    }

    /** The station follows the leg from now on. */
    void owns(StationId station, UUID leg) {
        owners.put(leg, station);
    }

    /** The station no longer follows the leg; an entry of another station stays. */
    void forget(StationId station, UUID leg) {
        owners.remove(leg, station);
    }

    /** The station stopped: none of its legs is its any more. */
    void forgetAll(StationId station) {
        owners.values().removeIf(station::equals);
    }
}
