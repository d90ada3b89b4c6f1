package org.baraza.daemon.station;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.CallStore;
import org.baraza.core.call.Hangup;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.baraza.programs.LegId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station's legs: the uuid Baraza chose for each leg its coordinator names, the anchor of each open
 * conference, and their lines in the call log. Every leg is written to the CDR before it is dialled, so
 * that a restarted daemon finds it. The legs it names (not the anchors, whose keys no one presses) are in
 * the daemon's {@link LegOwners} for as long as they are here, so that their key presses reach this station.
 * Used on the station's thread only.
 */
final class LegBook {

    private static final Logger LOG = LoggerFactory.getLogger(LegBook.class);
    /** FreeSWITCH's cause for a channel that was found gone rather than seen to hang up. */
    static final String FOUND_GONE = "NORMAL_UNSPECIFIED";

    private final StationId station;
    private final CallStore calls;
    private final String node;
    private final LegOwners owners;
    private final Map<LegId, UUID> legs = new HashMap<>();
    private final Map<UUID, LegId> byUuid = new HashMap<>();
    private final Map<String, UUID> anchors = new HashMap<>();
    /** Legs of calls that came in: the telephony server logged the call and ends it; the station ends the leg. */
    private final Set<UUID> inbound = new HashSet<>();
    /** Anchors of closed conferences, until FreeSWITCH says they are gone. */
    private final Set<UUID> departing = new HashSet<>();

    LegBook(StationId station, CallStore calls, String node, LegOwners owners) {
        this.station = station;
        this.calls = calls;
        this.node = node;
        this.owners = owners;
    }

    /** A new outbound leg for {@code leg}, in the call log before it is dialled. */
    UUID dial(LegId leg, LegRole role, String dialString, Instant at) {
        return dial(leg, role, dialString, at, null);
    }

    /** A new outbound leg for {@code leg} of an airing (a host, a guest), in the call log before it is dialled. */
    UUID dial(LegId leg, LegRole role, String dialString, Instant at, AiringId airing) {
        UUID uuid = UUID.randomUUID();
        record(uuid, role, dialString, destination(dialString), at, airing);
        follow(leg, uuid);
        return uuid;
    }

    /** An outbound call and its first leg as the call log will hold them, not yet written. */
    record Outbound(NewCall call, NewLeg leg) {
        UUID uuid() {
            return leg.uuid();
        }
    }

    /**
     * A new outbound leg's lines in the call log, for a statement of the caller's own to write with what it decides
     * (a call-back's); once written, the leg is dialled through {@link #dialRecorded}.
     */
    Outbound outbound(LegRole role, String dialString, Instant at) {
        return outbound(UUID.randomUUID(), role, dialString, destination(dialString), at, null);
    }

    /** A new outbound leg for {@code leg} whose lines the caller wrote in the call log ({@link #outbound}). */
    void dialRecorded(LegId leg, UUID uuid) {
        follow(leg, uuid);
    }

    /**
     * A leg of a call that came in (already in the call log, by the telephony server), now followed by the
     * station as {@code leg}.
     */
    void adoptInbound(LegId leg, UUID uuid) {
        follow(leg, uuid);
        inbound.add(uuid);
    }

    /** Whether the leg came in (rather than Baraza placing it). */
    boolean isInbound(UUID uuid) {
        return inbound.contains(uuid);
    }

    /** What a leg turned out to be, and the airing it joined, in the call log. */
    void role(UUID uuid, LegRole role, AiringId airing) {
        quietly(() -> calls.markLegRole(uuid, role, airing));
    }

    /** A leg that was already up when the daemon started (adopted). */
    void adopt(LegId leg, UUID uuid) {
        follow(leg, uuid);
    }

    /** A new anchor for {@code conference}; the call log names the conference, so a restarted daemon knows it. */
    UUID anchor(String conference, String dialString, Instant at) {
        UUID uuid = UUID.randomUUID();
        record(uuid, LegRole.ANCHOR, dialString, conference, at, null);
        anchors.put(conference, uuid);
        return uuid;
    }

    void adoptAnchor(String conference, UUID uuid) {
        anchors.put(conference, uuid);
    }

    Optional<UUID> anchorOf(String conference) {
        return Optional.ofNullable(anchors.get(conference));
    }

    /** The conference is closing: its anchor is hung up, and stays known until it is gone. */
    Optional<UUID> removeAnchor(String conference) {
        UUID anchor = anchors.remove(conference);
        if (anchor != null) {
            departing.add(anchor);
        }
        return Optional.ofNullable(anchor);
    }

    /** Whether the uuid is one of the station's legs, live or on its way out. */
    boolean knows(UUID uuid) {
        return byUuid.containsKey(uuid) || anchors.containsValue(uuid) || departing.contains(uuid);
    }

    /** The conference whose anchor this is, if it is one. */
    Optional<String> conferenceAnchoredBy(UUID uuid) {
        return anchors.entrySet().stream().filter(e -> e.getValue().equals(uuid)).map(Map.Entry::getKey).findFirst();
    }

    Optional<UUID> uuidOf(LegId leg) {
        return Optional.ofNullable(legs.get(leg));
    }

    Optional<LegId> legOf(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** Every uuid the station holds: its legs and its anchors. */
    Set<UUID> all() {
        Set<UUID> all = new HashSet<>(byUuid.keySet());
        all.addAll(anchors.values());
        all.addAll(departing);
        return all;
    }

    void answered(UUID uuid, Instant at) {
        quietly(() -> {
            calls.markLegAnswered(uuid, at);
            calls.markAnswered(uuid, at);
        });
    }

    /** The leg is gone: forgotten here, ended in the call log. */
    void ended(UUID uuid, String cause, Instant at) {
        LegId leg = byUuid.remove(uuid);
        if (leg != null) {
            legs.remove(leg);
            owners.forget(station, uuid);
        }
        anchors.values().remove(uuid);
        departing.remove(uuid);
        boolean cameIn = inbound.remove(uuid);
        Hangup hangup = new Hangup(at, cause, null);
        if (cameIn) {
            quietly(() -> calls.markLegEnded(uuid, hangup));
        } else {
            quietly(() -> calls.markEndedWithLeg(uuid, hangup,
                    "NORMAL_CLEARING".equals(cause) ? CallDisposition.COMPLETED : CallDisposition.FAILED));
        }
    }

    /** The station follows {@code uuid} as {@code leg}: its events and its keys are this station's. */
    private void follow(LegId leg, UUID uuid) {
        legs.put(leg, uuid);
        byUuid.put(uuid, leg);
        owners.owns(station, uuid);
    }

    private void record(UUID uuid, LegRole role, String dialString, String destination, Instant at, AiringId airing) {
        Outbound outbound = outbound(uuid, role, dialString, destination, at, airing);
        calls.startWithLeg(outbound.call(), outbound.leg());
    }

    private Outbound outbound(UUID uuid, LegRole role, String dialString, String destination, Instant at, AiringId airing) {
        return new Outbound(new NewCall(uuid, station, airing, CallDirection.OUTBOUND, null, destination, at),
                new NewLeg(uuid, uuid, role, CallDirection.OUTBOUND, dialString, null, destination, node, at));
    }

    /** The number or user a dial string reaches: its last part. */
    private static String destination(String dialString) {
        String last = dialString.substring(dialString.lastIndexOf('/') + 1);
        return last.length() <= 64 ? last : last.substring(0, 64);
    }

    /** The call log must not stop a station: a refused write is logged, the station carries on. */
    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (DomainException e) {
            LOG.warn("call log: {}", e.getMessage());
        }
    }
}
