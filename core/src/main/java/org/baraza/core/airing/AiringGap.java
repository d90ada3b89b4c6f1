package org.baraza.core.airing;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;

/**
 * Silence on air inside an airing: the transmitter leg dropped and was redialled, media failed, ...
 *
 * @param endedAt null while the silence lasts
 */
public record AiringGap(long id, AiringId airingId, Instant startedAt, Instant endedAt, String cause) {
}
