package org.baraza.core.call;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;

/**
 * One FreeSWITCH channel of a call, keyed by its uuid (the {@code origination_uuid} Baraza chose, or
 * FreeSWITCH's for an inbound channel). It belongs to its call's station and airing.
 *
 * @param dialString           what Baraza dialled, for an outbound leg
 * @param callerIdNumber       the caller id as FreeSWITCH reported it: untrusted text
 * @param destinationNumber    the number dialled, as reported: untrusted text
 * @param freeswitchNode       the FreeSWITCH node that carries it, for reconciliation after a restart
 * @param hangupCause          FreeSWITCH's hangup cause ({@code NORMAL_CLEARING}, {@code USER_BUSY}, ...); null
 *                             while the leg is up, or when it ended unseen
 * @param sipHangupDisposition which side ended the SIP dialog ({@code recv_bye}, {@code send_bye}, ...), when SIP
 */
public record Leg(
        UUID uuid,
        UUID callId,
        StationId stationId,
        AiringId airingId,
        LegRole role,
        CallDirection direction,
        String dialString,
        String callerIdNumber,
        String destinationNumber,
        String freeswitchNode,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        String hangupCause,
        String sipHangupDisposition) {

    public boolean isOpen() {
        return endedAt == null;
    }
}
