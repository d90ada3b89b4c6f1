package org.baraza.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baraza.core.Ids.CallbackId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/** Call-backs of missed calls, rate-limited per number. Thread-safe and stateless. */
public interface CallbackStore {

    /**
     * Decides a missed call's call-back and records it, in one statement: {@link Callback.Status#DIALLING}, with
     * {@code call} and its first leg {@code leg} written to the call log as the call placed to call back, or
     * {@link Callback.Status#REFUSED} (saying why, and nothing in the call log) when the number had a call-back within
     * {@code cooldown} or {@code perDay} of them in the last 24 hours. One missed call asks once: asking again
     * returns the first answer and records nothing, so a call-back is placed by the request whose {@code call} it
     * holds ({@link Callback#callId}).
     *
     * @throws org.baraza.core.DomainException.NotFound when the station or the missed call is not recorded
     */
    Callback request(StationId station, PhoneNumber number, UUID missedCall, Instant at, Duration cooldown, int perDay,
                     NewCall call, NewLeg leg);

    /** The call-back's call was answered. */
    void answered(UUID call);

    /** The call-back's call failed, for FreeSWITCH's cause. */
    void failed(UUID call, String cause);

    /** The station's call-backs, newest first. */
    List<Callback> recent(StationId station, int limit);

    java.util.Optional<Callback> find(CallbackId id);
}
