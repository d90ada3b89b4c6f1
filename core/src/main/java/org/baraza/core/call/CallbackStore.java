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
     * Records a missed call's call-back: {@link Callback.Status#DIALLING} with the call to place, or
     * {@link Callback.Status#REFUSED} (saying why) when the number had a call-back within {@code cooldown}
     * or {@code perDay} of them in the last 24 hours. One missed call asks once: asking again returns the
     * first answer.
     */
    Callback request(StationId station, PhoneNumber number, UUID missedCall, Instant at, Duration cooldown, int perDay);

    /**
     * The call-back is being placed as {@code call} (already in the call log).
     *
     * @throws org.baraza.core.DomainException.Conflict when it is not a call-back being dialled
     */
    void placed(CallbackId id, UUID call);

    /** The call-back's call was answered. */
    void answered(UUID call);

    /** The call-back's call failed, for FreeSWITCH's cause. */
    void failed(UUID call, String cause);

    /** The station's call-backs, newest first. */
    List<Callback> recent(StationId station, int limit);

    java.util.Optional<Callback> find(CallbackId id);
}
