package org.baraza.core.people;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/** A network's hosts, the stations they present on, and their PINs. */
public interface HostStore {

    /**
     * @param pin the host's PIN, or null when they cannot identify by PIN (Baraza calls them)
     * @throws org.baraza.core.DomainException.NotFound      when the network does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when a host of the network has the number
     */
    Host create(NetworkId network, HostDetails details, Pin pin);

    /** @throws org.baraza.core.DomainException.AlreadyExists when another host of the network has the number */
    Host update(HostId id, HostDetails details);

    Optional<Host> find(HostId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such host */
    Host get(HostId id);

    /** The host calling from this number, if any: how a host calling in is recognised. */
    Optional<Host> findByPhone(NetworkId network, PhoneNumber number);

    /** The network's hosts, active or not, by name. */
    List<Host> list(NetworkId network);

    /** The hosts who present on the station, by name. */
    List<Host> listOnStation(StationId station);

    /** The stations the host presents on, by id. */
    List<StationId> stationsOf(HostId host);

    /**
     * @throws org.baraza.core.DomainException.NotFound      when the host, or the station in the host's network, does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the host already presents on the station
     */
    void assign(HostId host, StationId station);

    /** @throws org.baraza.core.DomainException.NotFound when the host does not present on the station */
    void unassign(HostId host, StationId station);

    /** Replaces the host's PIN (or gives them one). */
    void setPin(HostId id, Pin pin);

    /** Takes the host's PIN away: they can no longer identify by PIN. */
    void clearPin(HostId id);

    /**
     * Whether the PIN is the host's. False when the host does not exist, has no PIN or is inactive;
     * the check takes as long either way.
     */
    boolean verifyPin(HostId id, Pin pin);

    Host deactivate(HostId id);

    Host activate(HostId id);

    /** Removes the host, their station assignments, program billings and host roles. */
    void delete(HostId id);
}
