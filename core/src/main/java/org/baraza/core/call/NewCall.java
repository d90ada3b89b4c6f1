package org.baraza.core.call;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;

/**
 * A call to start recording in the call log, checked on construction. The numbers are kept exactly as the
 * network delivered them (untrusted text, at most 64 characters): a caller id may be anything.
 *
 * @param station null when no station owns the number called
 * @param airing  null when the call is not (yet) part of an airing
 */
public record NewCall(
        UUID id,
        StationId station,
        AiringId airing,
        CallDirection direction,
        String fromNumber,
        String toNumber,
        Instant startedAt) {

    public NewCall {
        Require.present("call id", id);
        Require.present("call direction", direction);
        Require.optionalText("calling number", fromNumber, 64);
        Require.optionalText("called number", toNumber, 64);
        Require.present("call start", startedAt);
    }
}
