package org.baraza.core.media;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * Which media to list: a network's, optionally what one station may use (its own and the network's
 * shared media), optionally of one kind, archived media only when asked.
 *
 * @param stationId null for all the network's media
 * @param kind      null for every kind
 */
public record MediaQuery(NetworkId networkId, StationId stationId, MediaKind kind, boolean includeArchived) {

    public MediaQuery {
        Require.present("media query network", networkId);
    }

    /** The network's media that is not archived. */
    public static MediaQuery of(NetworkId network) {
        return new MediaQuery(network, null, null, false);
    }

    public MediaQuery usableOn(StationId station) {
        return new MediaQuery(networkId, station, kind, includeArchived);
    }

    public MediaQuery ofKind(MediaKind wanted) {
        return new MediaQuery(networkId, stationId, wanted, includeArchived);
    }

    public MediaQuery includingArchived() {
        return new MediaQuery(networkId, stationId, kind, true);
    }
}
