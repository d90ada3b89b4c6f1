package org.baraza.daemon.notice;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.alert.AlertKind;

/**
 * Something a station's managers should hear about, as the station saw it.
 *
 * @param airing the airing it concerns (a failed one); null when none
 * @param since  when the trouble began (the start of a silence); null when it is a moment
 * @param cause  what went wrong, in FreeSWITCH's or Baraza's words
 */
public record Alert(StationId station, AlertKind kind, AiringId airing, Instant since, String cause, Instant at) {

    public static Alert transmitterUnreachable(StationId station, String cause, Instant at) {
        return new Alert(station, AlertKind.TRANSMITTER_UNREACHABLE, null, null, cause, at);
    }

    public static Alert airingFailed(StationId station, AiringId airing, String cause, Instant at) {
        return new Alert(station, AlertKind.AIRING_FAILED, airing, null, cause, at);
    }

    public static Alert silence(StationId station, Instant since, String cause, Instant at) {
        return new Alert(station, AlertKind.SILENCE, null, since, cause, at);
    }
}
