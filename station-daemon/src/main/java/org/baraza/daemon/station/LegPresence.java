package org.baraza.daemon.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.baraza.core.call.LegRole;
import org.baraza.core.hub.CallDocument;

/**
 * Where each of a station's people legs is and what it hears: waiting for its next call document (a caller
 * on the line, whose next step Baraza is deciding), parked (answered, outside any conference), or a member
 * of a conference with its member id; its role and language; the prompts queued for it until it joins, and
 * until when the prompts it was given play. Used on the station's thread only.
 */
final class LegPresence {

    /** A leg whose call document is being decided: joining a conference completes it with the join. */
    record Awaiting(CompletableFuture<CallDocument> reply, Function<CallDocument.Join, CallDocument> joined) {
    }

    /** One leg's whereabouts. */
    static final class Place {
        /** What the leg is now: a listener who asks to speak becomes a caller ({@link #cast}). */
        private LegRole role;
        /** Whether the station still looks after the leg (it is counted). */
        private boolean tracked = true;
        /** The language of the prompts it hears: the one the caller chose. */
        String language;
        Awaiting awaiting;
        boolean parked;
        String conference;
        int member;
        /** The conference it was sent to, until FreeSWITCH says it joined. */
        String joining;
        final List<String> queued = new ArrayList<>();
        Instant promptsUntil = Instant.MIN;

        Place(LegRole role, String language) {
            this.role = role;
            this.language = language;
        }

        LegRole role() {
            return role;
        }

        boolean isMember() {
            return conference != null;
        }
    }

    private final Map<UUID, Place> places = new HashMap<>();
    /** The places whose role is {@link LegRole#LISTENER}, kept as they change: the station's status counts them often. */
    private int listeners;

    /** A leg the station now looks after. */
    Place track(UUID uuid, LegRole role, String language) {
        return places.computeIfAbsent(uuid, ignored -> {
            if (role == LegRole.LISTENER) {
                listeners++;
            }
            return new Place(role, language);
        });
    }

    /** The leg is now in {@code role}. */
    void cast(Place place, LegRole role) {
        if (place.tracked) {
            listeners += (role == LegRole.LISTENER ? 1 : 0) - (place.role == LegRole.LISTENER ? 1 : 0);
        }
        place.role = role;
    }

    Optional<Place> of(UUID uuid) {
        return Optional.ofNullable(places.get(uuid));
    }

    /** FreeSWITCH says the leg joined a conference: what was queued for it is handed back to play now. */
    List<String> joined(UUID uuid, String conference, int member) {
        Place place = places.get(uuid);
        if (place == null) {
            return List.of();
        }
        place.conference = conference;
        place.member = member;
        place.joining = null;
        place.parked = false;
        List<String> queued = List.copyOf(place.queued);
        place.queued.clear();
        return queued;
    }

    void left(UUID uuid, String conference) {
        Place place = places.get(uuid);
        if (place != null && conference.equals(place.conference)) {
            place.conference = null;
            place.member = 0;
        }
    }

    /** The members of {@code conference} in this role (listeners to send on when it closes). */
    Map<UUID, Integer> members(String conference, LegRole role) {
        Map<UUID, Integer> members = new HashMap<>();
        places.forEach((uuid, place) -> {
            if (conference.equals(place.conference) && place.role == role) {
                members.put(uuid, place.member);
            }
        });
        return members;
    }

    /** Listeners on the line now: in its menu, listening, or leaving a message (not callers queued to speak, nor hosts). */
    int listeners() {
        return listeners;
    }

    void forget(UUID uuid) {
        Place place = places.remove(uuid);
        if (place != null) {
            place.tracked = false;
            if (place.role == LegRole.LISTENER) {
                listeners--;
            }
        }
        if (place != null && place.awaiting != null) {
            place.awaiting.reply().completeExceptionally(new IllegalStateException("the leg hung up"));
        }
    }
}
