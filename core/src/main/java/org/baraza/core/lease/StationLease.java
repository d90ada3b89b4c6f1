package org.baraza.core.lease;

import java.time.Instant;

import org.baraza.core.Ids.StationId;

/**
 * A daemon's claim to run a station, until it expires; the daemon renews it while it runs the station.
 *
 * @param acquiredAt when this daemon took the station (renewals keep it)
 */
public record StationLease(StationId stationId, String daemonId, Instant acquiredAt, Instant expiresAt) {

    public boolean isHeldAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
