package org.baraza.core.call;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Ids.CallbackId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/**
 * A listener who rang a station and hung up before the answer, and what Baraza did about it.
 *
 * @param missedCallId the unanswered call; null once that call is deleted
 * @param callId       the call Baraza placed to call back; null when refused
 * @param reason       why it failed or was refused; null otherwise
 */
public record Callback(CallbackId id, StationId stationId, PhoneNumber number, UUID missedCallId, Instant requestedAt,
                       Status status, UUID callId, String reason) {

    public enum Status {
        /** Being called. */
        DIALLING,
        ANSWERED,
        /** Called and not reached. */
        FAILED,
        /** Not called: the number had its call-backs for now. */
        REFUSED
    }
}
