package org.baraza.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.access.ConsoleSession;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;

/**
 * The signed-in user of one request, with their roles and how they proved who they are. Immutable; made by
 * {@link Authenticator} for each request.
 *
 * @param hostStations the stations the user presents on, as a host (empty for a user who is no host)
 * @param session      the console session the request came with, when it came with the cookie; empty for a token
 */
public record Principal(User user, List<Role> roles, Set<StationId> hostStations, Optional<ConsoleSession> session) {

    public Principal {
        roles = List.copyOf(roles);
        hostStations = Set.copyOf(hostStations);
    }

    public NetworkId network() {
        return user.networkId();
    }

    public boolean isNetworkAdmin() {
        return roles.stream().anyMatch(role -> role.kind() == Role.Kind.NETWORK_ADMIN);
    }

    public boolean manages(StationId station) {
        return roles.stream().anyMatch(role -> role.kind() == Role.Kind.STATION_MANAGER && station.equals(role.stationId()));
    }

    /** The stations the user manages (not counting a network admin's). */
    public Set<StationId> managedStations() {
        return Set.copyOf(roles.stream().filter(role -> role.kind() == Role.Kind.STATION_MANAGER).map(Role::stationId).toList());
    }

    /** The host records the user is. */
    public List<HostId> hosts() {
        return roles.stream().filter(role -> role.kind() == Role.Kind.HOST).map(Role::hostId).toList();
    }

    /** The actor written in the audit log: {@code user:12}. */
    public String actor() {
        return "user:" + user.id().value();
    }
}
