package org.baraza.core.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;

/** The people who call or text a network, what managers note about them, and who is blocked where. */
public interface CallerStore {

    /**
     * Records that the number called or texted at this instant: creates the caller the first time,
     * otherwise moves their last-seen time forward (never back; the first-seen time stays).
     *
     * @throws org.baraza.core.DomainException.NotFound when the network does not exist
     */
    Caller seen(NetworkId network, PhoneNumber number, Instant at);

    Optional<Caller> find(NetworkId network, PhoneNumber number);

    Optional<Caller> find(CallerId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such caller */
    Caller get(CallerId id);

    /** The network's callers seen most recently first, at most {@code limit} of them. */
    List<Caller> recent(NetworkId network, int limit);

    /**
     * Sets the caller's name (at most 200 characters) and notes (at most 2,000), stored exactly as given;
     * null clears them.
     */
    Caller annotate(CallerId id, String name, String notes);

    /**
     * Keeps the caller off a station, or off the whole network.
     *
     * @param station   the station, or null to block the caller on every station of the network
     * @param reason    why (at most 500 characters), or null
     * @param blockedBy the user blocking them, or null
     * @throws org.baraza.core.DomainException.NotFound      when the caller, or the station or user in the caller's network, does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the caller is already blocked there
     */
    CallerBlock block(CallerId caller, StationId station, String reason, UserId blockedBy);

    /**
     * Lifts a block made with the same station (null: the network-wide block).
     *
     * @throws org.baraza.core.DomainException.NotFound when there is no such block
     */
    void unblock(CallerId caller, StationId station);

    /** The caller's blocks, network-wide first, then by station. */
    List<CallerBlock> blocks(CallerId caller);

    /**
     * Whether the number is blocked on the station or on the whole network.
     *
     * @param station the station called or texted, or null when none (only network-wide blocks count)
     */
    boolean isBlocked(NetworkId network, StationId station, PhoneNumber number);
}
