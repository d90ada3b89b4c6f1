package org.baraza.core.station;

import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/** A number (DID or short code) that reaches a station, by voice, by SMS or both. */
public record StationNumber(long id, StationId stationId, PhoneNumber number, boolean voice, boolean sms, String label) {
}
