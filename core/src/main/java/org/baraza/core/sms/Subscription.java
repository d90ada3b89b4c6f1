package org.baraza.core.sms;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/**
 * A number that asked to hear about a station, or about one program on it.
 *
 * @param programId the program; null for the station as a whole
 */
public record Subscription(
        long id,
        NetworkId networkId,
        StationId stationId,
        ProgramId programId,
        PhoneNumber phoneNumber,
        Instant createdAt) {
}
