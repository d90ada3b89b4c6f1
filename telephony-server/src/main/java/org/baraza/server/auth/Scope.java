package org.baraza.server.auth;

import java.util.Objects;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;

/**
 * What a request touches: a network, and within it a station, or no station for what the network shares (its
 * programs, users, shared media) or what belongs to the user themself.
 *
 * @param station null for the network as a whole
 */
public record Scope(NetworkId network, StationId station) {

    public Scope {
        Objects.requireNonNull(network, "network");
    }

    public static Scope network(NetworkId network) {
        return new Scope(network, null);
    }

    public static Scope station(NetworkId network, StationId station) {
        return new Scope(network, Objects.requireNonNull(station, "station"));
    }
}
