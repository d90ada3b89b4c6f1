package org.baraza.core.alert;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.StationId;

/**
 * When each kind of alert about a station was last sent: what keeps a station whose trouble comes and goes
 * from flooding its managers' phones. Thread-safe and stateless; shared by every daemon on the database.
 */
public interface AlertStore {

    /**
     * Takes the turn to send an alert of this kind about the station at {@code now}, unless one was sent less
     * than {@code cooldown} ago. Atomic: of concurrent callers, in any processes, at most one gets the turn.
     *
     * @return true when the caller has the turn and should send the alert; false when it must stay quiet
     * @throws org.baraza.core.DomainException.NotFound when the station does not exist
     */
    boolean takeTurn(StationId station, AlertKind kind, Instant now, Duration cooldown);
}
