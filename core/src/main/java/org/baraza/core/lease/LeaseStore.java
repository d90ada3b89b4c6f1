package org.baraza.core.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.StationId;

/**
 * Which station daemon runs which station. A lease is taken and renewed in single statements, so of two
 * daemons that race for a station exactly one gets it. Times are the caller's clock; daemons whose clocks
 * disagree by more than a lease's length would disagree on expiry, so keep them in sync (NTP).
 * Thread-safe and stateless.
 */
public interface LeaseStore {

    /**
     * Takes the station for {@code daemonId} until {@code now + ttl}: when no daemon holds it, its lease
     * expired, or this daemon holds it already (which renews it).
     *
     * @return the lease, or empty when another daemon holds the station
     * @throws org.baraza.core.DomainException.NotFound when the station does not exist
     */
    Optional<StationLease> acquire(StationId station, String daemonId, Instant now, Duration ttl);

    /**
     * Extends this daemon's lease that has not expired to {@code now + ttl}.
     *
     * @return the lease, or empty when the daemon no longer holds it: it must stop running the station
     */
    Optional<StationLease> renew(StationId station, String daemonId, Instant now, Duration ttl);

    /** Renews every lease of the daemon that has not expired; the leases it still holds. */
    List<StationLease> renewAll(String daemonId, Instant now, Duration ttl);

    /** Gives the station up, when this daemon holds it; true when it did. */
    boolean release(StationId station, String daemonId);

    /** The lease on the station that has not expired at {@code now}, if any. */
    Optional<StationLease> holder(StationId station, Instant now);

    /** The daemon's leases that have not expired at {@code now}, by station. */
    List<StationLease> heldBy(String daemonId, Instant now);

    /** The leases expired at {@code now}, oldest expiry first: stations whose daemon stopped renewing. */
    List<StationLease> expired(Instant now);
}
