package org.baraza.core.people;

import java.util.Locale;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * What a user may do, and where: a network admin runs the whole network, a station manager runs one
 * station, a host sees their own shows. Build one with {@link #networkAdmin()}, {@link #stationManager}
 * or {@link #host}; the database refuses any other shape.
 *
 * @param stationId the station a station manager runs; null for the other kinds
 * @param hostId    the host record a host user is; null for the other kinds
 */
public record Role(Kind kind, StationId stationId, HostId hostId) {

    public Role {
        Require.present("role kind", kind);
    }

    public enum Kind {
        NETWORK_ADMIN, STATION_MANAGER, HOST
    }

    public static Role networkAdmin() {
        return new Role(Kind.NETWORK_ADMIN, null, null);
    }

    public static Role stationManager(StationId station) {
        return new Role(Kind.STATION_MANAGER, station, null);
    }

    public static Role host(HostId host) {
        return new Role(Kind.HOST, null, host);
    }

    /** For messages: "station manager of station 3", "host as host 7", "network admin". */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (stationId == null ? "" : " of " + stationId)
                + (hostId == null ? "" : " as " + hostId);
    }
}
