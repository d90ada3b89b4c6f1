package org.baraza.core.poll;

import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.StationId;

/**
 * A question put to a station's listeners, open from {@code opensAt} (inclusive) until {@code closesAt}
 * (exclusive). Each phone number votes once, whatever the channel.
 *
 * @param airingId the show it belongs to; null for a poll of the station
 * @param options  the answers, in position order
 */
public record Poll(
        PollId id,
        StationId stationId,
        AiringId airingId,
        String question,
        Instant opensAt,
        Instant closesAt,
        Instant createdAt,
        List<PollOption> options) {

    public Poll {
        options = List.copyOf(options);
    }

    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }
}
