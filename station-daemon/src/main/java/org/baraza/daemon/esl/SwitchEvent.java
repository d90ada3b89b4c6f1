package org.baraza.daemon.esl;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What FreeSWITCH tells the daemon, reduced to what Baraza acts on. Channel events carry the channel's
 * variables ({@code baraza_station}, {@code baraza_role} ...), by which they are routed to their station;
 * conference events are routed by conference name. {@code at} is when the daemon received it.
 */
public sealed interface SwitchEvent {

    String node();

    Instant at();

    record ChannelAnswered(String node, UUID uuid, Map<String, String> variables, Instant at) implements SwitchEvent {
    }

    /** The channel is gone, for FreeSWITCH's hangup cause (NORMAL_CLEARING, USER_BUSY ...). */
    record ChannelHungUp(String node, UUID uuid, String cause, Map<String, String> variables, Instant at) implements SwitchEvent {
    }

    record DtmfReceived(String node, UUID uuid, String digit, Map<String, String> variables, Instant at) implements SwitchEvent {
    }

    /**
     * A {@code conference::maintenance} event: {@code action} is FreeSWITCH's (add-member, del-member,
     * play-file-done ...); {@code member} is the member's channel and {@code memberId} its id in the
     * conference (0 when the event is not about a member); {@code file} the file, when it is about a playback.
     */
    record ConferenceActivity(String node, String conference, String action, UUID member, int memberId, String file,
                              Instant at) implements SwitchEvent {
    }

    /** Connected, authenticated and subscribed: whatever happened while apart must be reconciled now. */
    record Connected(String node, Instant at) implements SwitchEvent {
    }

    /** The connection dropped; commands in flight have failed, and it is being re-established. */
    record Disconnected(String node, Instant at) implements SwitchEvent {
    }
}
