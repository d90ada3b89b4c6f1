package org.baraza.core.call;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;

/**
 * One conversation in the call log (CDR), grouping its legs.
 *
 * @param id          the uuid Baraza chose for a call it placed, or FreeSWITCH's for an inbound one
 * @param stationId   the station it was for; null when no station owns the number called
 * @param airingId    the airing it took part in, if any
 * @param fromNumber  the caller id as the network delivered it: untrusted text, escaped wherever shown
 * @param toNumber    the number called, as delivered: untrusted text
 * @param disposition how it went; null until it ended
 */
public record Call(
        UUID id,
        StationId stationId,
        AiringId airingId,
        CallDirection direction,
        String fromNumber,
        String toNumber,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        CallDisposition disposition) {
}
