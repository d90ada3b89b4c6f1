package org.baraza.core.people;

import java.time.Instant;

import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;

/**
 * A caller kept off a station, or off every station of the network.
 *
 * @param stationId       the station, or null when the block is network-wide
 * @param reason          why, as a manager wrote it, or null
 * @param blockedByUserId who blocked them, or null when unknown or the user was since removed
 */
public record CallerBlock(
        long id,
        NetworkId networkId,
        CallerId callerId,
        StationId stationId,
        String reason,
        UserId blockedByUserId,
        Instant createdAt) {

    public boolean networkWide() {
        return stationId == null;
    }
}
